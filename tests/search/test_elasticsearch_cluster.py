"""How the Elasticsearch engine treats a real cluster: shards and replicas from settings, rebuilds
loaded without refreshes, incremental updates that never leave a page out of search. Checked on
the requests it sends (es_recording)."""

import pytest

from search.engines import EngineUnavailable
from search.requests import SearchRequest

from .conftest import procedure
from .es_recording import EMPTY_SEARCH, RecordingNode, calls, order, requests


def new_index():
    return next(call.path for call in RecordingNode.calls if call.method == "PUT").strip("/")


def test_new_index_takes_shards_and_replicas_from_settings(recorded, settings):
    settings.ELASTICSEARCH_SHARDS = 3
    settings.ELASTICSEARCH_REPLICAS = 2
    RecordingNode.answers[("HEAD", "/_alias/portal-entries")] = None  # a cluster never used
    recorded.search(SearchRequest(text="tạm trú"))
    created = calls("PUT", "/portal-entries-")[0]["settings"]
    assert (created["number_of_shards"], created["number_of_replicas"]) == (3, 2)


def test_rebuild_loads_without_refreshes_then_restores_settings_before_the_swap(recorded, settings):
    settings.ELASTICSEARCH_SHARDS = 2
    settings.ELASTICSEARCH_REPLICAS = 1
    recorded.rebuild([procedure(f"1.{n}", f"Thủ tục {n}") for n in range(3)])
    name = new_index()
    created = calls("PUT", f"/{name}")[0]["settings"]
    assert created["number_of_shards"] == 2
    assert (created["refresh_interval"], created["number_of_replicas"]) == ("-1", 0)
    bulks = requests("PUT", f"/{name}/_bulk") + requests("POST", f"/{name}/_bulk")
    assert len(bulks[0].body) == 6
    assert all("refresh" not in bulk.params for bulk in bulks)
    assert calls("PUT", f"/{name}/_settings") == [
        {"index": {"refresh_interval": None, "number_of_replicas": 1}}
    ]
    steps = order()
    bulk = max(i for i, (_, path) in enumerate(steps) if path == f"/{name}/_bulk")
    restored = steps.index(("PUT", f"/{name}/_settings"))
    refreshed = steps.index(("POST", f"/{name}/_refresh"))
    swapped = steps.index(("POST", "/_aliases"))
    assert bulk < restored < refreshed < swapped


def test_failed_rebuild_deletes_its_half_built_index_and_keeps_the_alias(recorded):
    def documents():
        yield procedure("1.1", "Thủ tục 1")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        recorded.rebuild(documents())
    name = new_index()
    assert ("DELETE", f"/{name}") in order()
    assert calls("POST", "/_aliases") == []


def test_incremental_updates_wait_for_a_refresh_instead_of_forcing_one(recorded):
    recorded.index([procedure("1.1", "Thủ tục 1")])
    recorded.remove(["procedure:vi:1.2"])
    bulks = requests("PUT", "/portal-entries/_bulk") + requests("POST", "/portal-entries/_bulk")
    assert [bulk.params.get("refresh") for bulk in bulks] == ["wait_for", "wait_for"]


def test_an_unanswering_cluster_is_left_alone_for_a_while(recorded, settings):
    from elastic_transport import ConnectionTimeout

    from .es_recording import RecordingNode

    settings.ELASTICSEARCH_BREAKER_SECONDS = 30
    RecordingNode.answers[("POST", "/portal-entries/_search")] = ConnectionTimeout("timed out")
    with pytest.raises(EngineUnavailable):
        recorded.search(SearchRequest(text="dang ky"))
    sent = len(RecordingNode.calls)
    # While the breaker is open, searches answer at once without touching the cluster.
    for _ in range(3):
        with pytest.raises(EngineUnavailable, match="not retried yet"):
            recorded.search(SearchRequest(text="dang ky"))
    assert len(RecordingNode.calls) == sent
    recorded._down_until = 0  # the pause is over
    RecordingNode.answers[("POST", "/portal-entries/_search")] = EMPTY_SEARCH
    assert recorded.search(SearchRequest(text="dang ky")).total == 0


def test_searches_wait_seconds_not_tens_of_seconds():
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = ElasticsearchEngine("http://127.0.0.1:9", "portal")
    # The client's own timeout for every request (the node's 10 s default is overridden).
    assert engine.client._request_timeout <= 5
    assert engine._writer._request_timeout >= 30  # bulk writes, in background tasks
