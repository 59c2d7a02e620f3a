"""The request bodies the Elasticsearch engine sends, recorded by a transport node that answers
with canned responses (no server involved)."""

import json

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

from search.engines.elasticsearch import ElasticsearchEngine
from search.requests import SearchRequest

from .conftest import procedure

EMPTY_SEARCH = {
    "hits": {"total": {"value": 0}, "hits": []},
    "aggregations": {},
    "suggest": {"words": []},
}


class RecordingNode(BaseNode):
    """Records every request; answers from `RecordingNode.answers` (method, path prefix)."""

    calls: list = []
    answers: dict = {}

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path = target.split("?")[0]
        text = body.decode() if body else ""
        if text and "\n" in text.strip():
            payload = [json.loads(line) for line in text.strip().splitlines()]
        else:
            payload = json.loads(text) if text else None
        RecordingNode.calls.append((method, path, payload))
        answer = {"acknowledged": True}
        for (m, prefix), canned in RecordingNode.answers.items():
            if m == method and path.startswith(prefix):
                answer = canned
        if path.endswith("/_bulk"):
            answer = {"errors": False, "items": []}
        status = 404 if answer is None else 200
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(
                {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer or {}).encode())


@pytest.fixture
def recorded(db):
    RecordingNode.calls = []
    RecordingNode.answers = {
        ("HEAD", "/_alias/portal-entries"): {},
        ("POST", "/portal-entries/_search"): EMPTY_SEARCH,
        ("GET", "/_alias/portal-entries"): {"portal-entries-old": {}},
    }
    client = Elasticsearch("http://recording:9200", node_class=RecordingNode)
    return ElasticsearchEngine("http://recording:9200", "portal", client=client)


def calls(method, suffix):
    return [payload for m, path, payload in RecordingNode.calls if m == method and suffix in path]


def test_mapping_indexes_text_as_written_and_folded(recorded):
    recorded.rebuild([procedure("1.004194", "Đăng ký tạm trú")])
    created = calls("PUT", "/portal-entries-")[0]
    analysis = created["settings"]["analysis"]["analyzer"]
    assert analysis["vi_folded"]["filter"] == ["lowercase", "asciifolding"]
    assert analysis["vi_lower"]["filter"] == ["lowercase"]
    properties = created["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "vi_lower"
    assert properties["title"]["fields"]["folded"]["analyzer"] == "vi_folded"
    assert properties["body"]["fields"]["folded"]["analyzer"] == "vi_folded"
    assert properties["ident"]["type"] == "keyword"
    assert properties["facet"]["properties"]["field"]["type"] == "keyword"


def test_rebuild_bulk_indexes_then_swaps_the_alias_atomically(recorded):
    recorded.rebuild([procedure("1.004194", "Đăng ký tạm trú", popularity=100)])
    created_path = next(p for m, p, _ in RecordingNode.calls if m == "PUT")
    new_index = created_path.strip("/")
    bulk_lines = calls("PUT", f"{new_index}/_bulk") + calls("POST", f"{new_index}/_bulk")
    action, source = bulk_lines[0]
    assert action == {"index": {"_id": "procedure:vi:1.004194"}}
    assert "1.004194" in source["ident"] and source["weight"] > 1
    swap = calls("POST", "/_aliases")[-1]
    assert swap["actions"] == [
        {"remove": {"index": "portal-entries-old", "alias": "portal-entries"}},
        {"add": {"index": new_index, "alias": "portal-entries"}},
    ]
    methods = [(m, p) for m, p, _ in RecordingNode.calls]
    assert methods.index(("POST", "/_aliases")) < methods.index(("DELETE", "/portal-entries-old"))


def test_typical_search_body(recorded):
    recorded.search(
        SearchRequest(text="đăng ký tạm trú", kinds=["procedure"], filters={"field": ["cu-tru"]})
    )
    body = calls("POST", "/portal-entries/_search")[0]
    function_score = body["query"]["function_score"]
    assert function_score["field_value_factor"]["field"] == "weight"
    scored = function_score["query"]["bool"]
    words = scored["must"][0]["bool"]["should"][0]["multi_match"]
    assert words["query"] == "dang ky tam tru"
    assert words["fields"] == ["title.folded^3", "body.folded"]
    assert words["minimum_should_match"] == 3
    should = scored["should"]
    assert {"multi_match": {"query": "đăng ký tạm trú", "fields": ["title^4.5", "body^1.5"]}} in (
        should
    )
    assert {"match_phrase": {"title.folded": {"query": "dang ky tam tru", "boost": 4}}} in should
    # Multi-select: hits are narrowed by post_filter, each facet counted without its own filter.
    assert body["post_filter"]["bool"]["filter"] == [
        {"terms": {"facet.field": ["cu-tru"]}},
        {"terms": {"facet.kind": ["procedure"]}},
    ]
    assert body["aggs"]["field"]["filter"]["bool"]["filter"] == [
        {"terms": {"facet.kind": ["procedure"]}}
    ]


def test_document_number_query_asks_for_exact_identifier_first(recorded):
    recorded.search(SearchRequest(text="2499 qđ btnmt"))
    body = calls("POST", "/portal-entries/_search")[0]
    matching = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"]
    assert {"constant_score": {"filter": {"term": {"ident": "2499-QD-BTNMT"}}, "boost": 1000}} in (
        matching
    )
