"""Real Elasticsearch 8 nodes on this machine, for development, tests and CI.

The node is Elasticsearch's own server from Maven Central, started by the small Maven project in
`search/node/` (see its pom.xml): no distribution to download, no Docker. Each node is a JVM of its
own, so that stopping one node of a cluster is a real loss of a node.

    python -m search.localnode start            # one node on 127.0.0.1:9200, data under var/
    python -m search.localnode start --nodes 3  # a cluster on 9200-9202
    python -m search.localnode stop

`start` returns once the cluster answers and prints `ELASTICSEARCH_URL=...`.
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent / "node"
JAR = PROJECT / "target" / "search-node-1.jar"
LIBRARIES = PROJECT / "target" / "lib"
DEFAULT_HOME = Path(__file__).resolve().parent.parent / "var" / "elasticsearch"
PORTS = (9200, 9300)  # the first node's HTTP and transport ports; the others count up
# The heap of each node: the mapping and the corpus need little; a cluster of three fits in 1.5 GB.
DEFAULT_HEAP = os.environ.get("ELASTICSEARCH_HEAP", "512m")


def free_ports(count):
    """(HTTP, transport) first ports of `count` nodes where nothing listens yet, so that two test
    runs on one machine never share a node."""
    rng = random.Random()
    for _ in range(200):
        http, transport = rng.randrange(20000, 30000), rng.randrange(30000, 40000)
        wanted = [*range(http, http + count), *range(transport, transport + count)]
        if all(_bindable(port) for port in wanted):
            return http, transport
    raise NodeError(f"no {count} free ports on 127.0.0.1")


def _bindable(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class NodeError(RuntimeError):
    """A node could not be built or started; the message says why and what to install."""


def build():
    """Compile the node and gather its jars from Maven Central, unless done since the last
    change to the project."""
    sources = [PROJECT / "pom.xml", *PROJECT.glob("src/**/*.java")]
    # An interrupted build can leave an empty jar behind: only a readable one counts as built.
    if zipfile.is_zipfile(JAR) and LIBRARIES.is_dir():
        built = JAR.stat().st_mtime
        if all(source.stat().st_mtime <= built for source in sources):
            return
    for tool in ("mvn", "java"):
        if shutil.which(tool) is None:
            raise NodeError(
                f"`{tool}` is not on PATH: the Elasticsearch node needs Java 17+ and Maven"
            )
    done = subprocess.run(
        ["mvn", "-q", "-B", "-f", str(PROJECT / "pom.xml"), "package"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise NodeError(f"building the Elasticsearch node failed:\n{done.stdout}{done.stderr}")
    if not zipfile.is_zipfile(JAR):
        raise NodeError(f"building the Elasticsearch node left no readable {JAR.name}")
    JAR.touch()


def _get(url, timeout=2.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
        return json.load(response)


def healthy(url, nodes=1):
    """Whether the cluster at `url` answers with at least `nodes` nodes and its shards assigned
    (yellow: a single node has nowhere to put replicas)."""
    try:
        health = _get(f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s")
    except (OSError, ValueError):
        return False
    return health.get("status") in ("yellow", "green") and health["number_of_nodes"] >= nodes


def wait_until_healthy(url, nodes=1, timeout=180.0, processes=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if healthy(url, nodes):
            return
        for process in processes:
            if process.poll() is not None:
                raise NodeError(f"the Elasticsearch node exited with status {process.returncode}")
        time.sleep(0.5)
    raise NodeError(f"Elasticsearch at {url} was not healthy after {timeout:.0f} s")


class Node:
    """One node of a local cluster: its folder under `home`, its ports, its process."""

    def __init__(
        self, home, number, cluster_size, heap=DEFAULT_HEAP, cluster="portal", ports=PORTS
    ):
        self.number = number
        self.name = f"{cluster}-{number + 1}"
        self.home = Path(home) / self.name
        self.ports = ports
        self.http_port = ports[0] + number
        self.transport_port = ports[1] + number
        self.cluster_size = cluster_size
        self.heap = heap
        self.cluster = cluster
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pid_file(self):
        return self.home / "pid"

    def settings(self):
        values = {
            "cluster.name": self.cluster,
            "node.name": self.name,
            "path.home": str(self.home),
            "http.port": self.http_port,
            "transport.port": self.transport_port,
        }
        if self.cluster_size > 1:
            peers = range(self.cluster_size)
            values["discovery.seed_hosts"] = ",".join(
                f"127.0.0.1:{self.ports[1] + n}" for n in peers
            )
            values["cluster.initial_master_nodes"] = ",".join(
                f"{self.cluster}-{n + 1}" for n in peers
            )
        return [f"{key}={value}" for key, value in values.items()]

    def start(self):
        self.home.mkdir(parents=True, exist_ok=True)
        classpath = os.pathsep.join([str(JAR), str(LIBRARIES / "*")])
        command = [
            "java",
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            "-XX:+UseSerialGC",
            "-Dlog4j2.disable.jmx=true",
            "-cp",
            classpath,
            "org.portal.searchnode.PortalNode",
            *self.settings(),
        ]
        with open(self.home / "node.log", "ab") as log:
            # A session of its own: the node outlives `make elasticsearch` and a test's Ctrl-C.
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.pid_file.write_text(str(self.process.pid))
        return self.process

    def stop(self, timeout=30.0):
        """Stop the node (SIGTERM closes it cleanly; SIGKILL after `timeout`)."""
        pid = self._pid()
        if pid is None:
            return False
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            self.pid_file.unlink(missing_ok=True)
            return False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid, self.process):
            time.sleep(0.2)
        if _alive(pid, self.process):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid, self.process):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def _pid(self):
        if self.process is not None:
            return self.process.pid
        try:
            return int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None


def _alive(pid, process=None):
    if process is not None:
        return process.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A stopped child that nobody has waited for yet is a zombie: it is gone all the same.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return True


class Cluster:
    """`size` nodes on 127.0.0.1, HTTP on 9200 upwards (or from `ports`)."""

    def __init__(self, home=DEFAULT_HOME, size=1, heap=DEFAULT_HEAP, ports=PORTS):
        self.nodes = [Node(home, number, size, heap, ports=ports) for number in range(size)]

    @property
    def url(self):
        """Every node's address, comma-separated: what ELASTICSEARCH_URL takes."""
        return ",".join(node.url for node in self.nodes)

    def start(self, timeout=180.0):
        build()
        busy = [node.url for node in self.nodes if _answers(node.url)]
        if busy:
            raise NodeError(f"something already answers at {', '.join(busy)}")
        processes = [node.start() for node in self.nodes]
        try:
            wait_until_healthy(self.nodes[0].url, len(self.nodes), timeout, processes)
        except NodeError:
            self.stop()
            raise
        return self.url

    def stop(self):
        return [node.name for node in self.nodes if node.stop()]


def _answers(url):
    try:
        _get(url, timeout=1.0)
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m search.localnode", description=__doc__)
    parser.add_argument("action", choices=["start", "stop", "build"])
    parser.add_argument("--nodes", type=int, default=1, help="nodes in the cluster (default 1)")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="data and logs")
    parser.add_argument("--heap", default=DEFAULT_HEAP, help="heap per node, e.g. 512m, 1g")
    options = parser.parse_args(argv)
    try:
        if options.action == "build":
            build()
            return 0
        if options.action == "stop":
            home = options.home
            names = sorted(p.parent.name for p in home.glob("*/pid")) if home.is_dir() else []
            for name in names:
                number = int(name.rsplit("-", 1)[1]) - 1
                Node(home, number, len(names)).stop()
            print(f"stopped: {', '.join(names) or 'nothing was running'}")
            return 0
        cluster = Cluster(options.home, options.nodes, options.heap)
        url = cluster.start()
    except NodeError as error:
        print(f"Elasticsearch: {error}", file=sys.stderr)
        return 1
    print(f"ELASTICSEARCH_URL={url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
