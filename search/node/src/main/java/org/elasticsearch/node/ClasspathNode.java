package org.elasticsearch.node;

import java.util.Collection;
import java.util.Map;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * Elasticsearch's own Node, with its plugins given as classes on the classpath rather than read
 * from a distribution's modules folder (which is not on Maven Central). Every service is the
 * server's own. It lives in Elasticsearch's package because the way to hand a node its plugins
 * (NodeServiceProvider) is package-private there; the test framework's MockNode does the same but
 * runs the test bootstrap, which refuses to start as root.
 */
public class ClasspathNode extends Node {

    public ClasspathNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(
            NodeConstruction.prepareConstruction(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")),
                null,
                new NodeServiceProvider() {
                    @Override
                    PluginsService newPluginService(Environment environment, PluginsLoader loader) {
                        return new MockPluginsService(environment.settings(), environment, plugins);
                    }
                },
                false
            )
        );
    }
}
