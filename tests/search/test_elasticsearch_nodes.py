"""Elasticsearch nodes lost and found: real nodes of search/node/, stopped while the portal works.

A cluster of three with one replica keeps answering and indexing when a node stops; a single
node that stops gives search a clear 503 while pages and publishing go on, and the index catches
up from the content event log once the node is back."""

import json
import time
import urllib.request

import pytest

from django.utils import timezone

from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory
from search.engines import get_engine
from search.requests import SearchRequest
from search.tasks import CONSUMER
from tests.conftest import elasticsearch_wanted, start_cluster

from .conftest import procedure

pytestmark = pytest.mark.skipif(
    not elasticsearch_wanted(),
    reason="Elasticsearch tests run under CI=true or TEST_ELASTICSEARCH=1",
)


@pytest.fixture(scope="module")
def three_nodes(tmp_path_factory):
    cluster = start_cluster(tmp_path_factory, 3, heap="256m")
    yield cluster
    cluster.stop()


@pytest.fixture
def one_node(tmp_path_factory):
    cluster = start_cluster(tmp_path_factory, 1, heap="256m")
    yield cluster
    cluster.stop()


def use(cluster, settings, replicas):
    settings.ELASTICSEARCH_URL = cluster.url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"nodes{time.monotonic_ns()}"
    settings.ELASTICSEARCH_REPLICAS = replicas
    settings.ELASTICSEARCH_BREAKER_SECONDS = 0.2
    return get_engine()


def codes(engine, text):
    return {hit.id for hit in engine.search(SearchRequest(text=text, page_size=50)).hits}


def eventually(check, timeout=60.0):
    """What `check` returns once it stops failing: a cluster that lost a node needs a few
    seconds to promote replicas (the figures are in the README, not asserted)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def replicas_copied(node):
    """Every shard has its replica on another node (green): a node that stops before then takes
    the only copy of its shards with it, which no cluster survives (seen under a loaded CI)."""
    url = f"{node.url}/_cluster/health?wait_for_status=green&timeout=120s"
    with urllib.request.urlopen(url, timeout=130) as response:
        return json.load(response)["status"] == "green"


def test_search_and_indexing_go_on_when_one_node_of_three_stops(three_nodes, settings, db):
    engine = use(three_nodes, settings, replicas=1)
    engine.rebuild([procedure(f"1.00{n}", f"Cấp phép khai thác nước số {n}") for n in range(6)])
    assert len(codes(engine, "khai thac nuoc")) == 6
    assert replicas_copied(three_nodes.nodes[0])

    # The node first in ELASTICSEARCH_URL: every request must find another.
    three_nodes.nodes[0].stop()

    assert eventually(lambda: codes(engine, "khai thac nuoc")) == {f"1.00{n}" for n in range(6)}
    eventually(lambda: engine.index([procedure("1.999", "Cấp phép khai thác nước biển")]))
    assert "1.999" in codes(engine, "nuoc bien")


def test_a_stopped_node_gives_search_a_503_and_the_index_catches_up(
    one_node, settings, client, home, committed
):
    settings.CONTENT_CACHE = False
    engine = use(one_node, settings, replicas=0)
    engine.rebuild([])
    with committed():
        ProcedurePageFactory(code="1.000501", name="Cấp phép xả thải vào nguồn nước")
    assert codes(engine, "xa thai") == {"1.000501"}

    one_node.stop()
    answer = client.get("/api/search/", {"q": "xả thải"})
    assert answer.status_code == 503
    # Publishing goes on; the page is public at once.
    with committed():
        late = ProcedurePageFactory(code="1.000502", name="Cấp phép xả thải ra biển")
    assert client.get(late.url).status_code == 200

    one_node.start()
    time.sleep(settings.ELASTICSEARCH_BREAKER_SECONDS)
    # The search consumer failed while the node was down; it retries from its position.
    later = timezone.now() + timezone.timedelta(hours=1)
    consumers.run_consumers([CONSUMER], now=later)
    assert codes(engine, "xa thai") == {"1.000501", "1.000502"}
    assert client.get("/api/search/", {"q": "xả thải"}).status_code == 200
