package org.portal.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * One Elasticsearch node in this JVM, serving HTTP on loopback.
 *
 * <p>Arguments are Elasticsearch settings, {@code key=value}, over these defaults: a single-node
 * cluster named {@code portal} on 127.0.0.1:9200 (transport 9300), data under
 * {@code path.home}/data. Several such processes make a cluster when given
 * {@code discovery.seed_hosts} and {@code cluster.initial_master_nodes} instead of
 * {@code discovery.type=single-node}. The process runs until it is stopped (SIGTERM closes the
 * node cleanly).
 */
public final class PortalNode {

    private PortalNode() {}

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "portal")
            .put("node.name", "portal-1")
            .put("path.home", "var/elasticsearch")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            .put("transport.port", "9300")
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            // Tests drop their indices by pattern.
            .put("action.destructive_requires_name", false)
            // A development disk is often fuller than a server's: do not refuse writes for it.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        boolean clustered = false;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            String key = arg.substring(0, equals);
            builder.put(key, arg.substring(equals + 1));
            clustered |= key.equals("discovery.seed_hosts");
        }
        if (!clustered) {
            builder.put("discovery.type", "single-node");
        }
        Path home = Path.of(builder.get("path.home")).toAbsolutePath();
        builder.put("path.home", home.toString());
        if (builder.get("path.data") == null) {
            builder.put("path.data", home.resolve("data").toString());
        }
        builder.put("path.logs", home.resolve("logs").toString());
        Files.createDirectories(home.resolve("logs"));
        Settings settings = builder.build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(settings, List.of(Netty4Plugin.class, DistributionAnalysis.class, RootEndpoint.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "portal-node-shutdown"));
        node.start();
        System.out.println("started " + settings.get("node.name") + " http://127.0.0.1:" + settings.get("http.port"));
        stopped.await();
    }
}
