"""The request bodies the Elasticsearch engine sends, recorded by a transport node that answers
with canned responses (no server involved)."""

from search.requests import SearchRequest

from .conftest import procedure
from .es_recording import RecordingNode, calls, order


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
    created_path = next(call.path for call in RecordingNode.calls if call.method == "PUT")
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
    methods = order()
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


def test_search_asks_for_marked_snippets_and_leaves_bodies_on_the_cluster(recorded):
    recorded.search(SearchRequest(text="đăng ký tạm trú"))
    body = calls("POST", "/portal-entries/_search")[0]
    highlight = body["highlight"]
    assert set(highlight["fields"]) == {"body.folded"}
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert highlight["encoder"] == "html"
    assert highlight["number_of_fragments"] == 1
    assert 150 <= highlight["fragment_size"] <= 300
    assert highlight["no_match_size"] > 0
    shown = body["_source"]["includes"]
    assert {"kind", "id", "title", "url", "article", "date"} <= set(shown)
    assert "body" not in shown and "summary" not in shown


def test_hit_snippet_is_the_fragment_elasticsearch_marked(recorded):
    fragment = "Công dân phải <mark>đăng</mark> <mark>ký</mark> tạm trú &lt;ngay&gt; tại nơi ở."
    RecordingNode.answers[("POST", "/portal-entries/_search")] = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_score": 3.2,
                    "_source": {
                        "kind": "legal",
                        "id": "68/2020/QH14",
                        "title": "Luật Cư trú – Điều 30",
                        "url": "/van-ban/68-2020-QH14/#dieu-30",
                        "article": "30",
                    },
                    "highlight": {"body.folded": [fragment]},
                }
            ],
        },
        "aggregations": {},
    }
    hit = recorded.search(SearchRequest(text="dang ky")).hits[0]
    assert hit.snippet == fragment
    assert (hit.id, hit.article) == ("68/2020/QH14", "30")


def buckets(**counts):
    return {"buckets": {word: {"doc_count": count} for word, count in counts.items()}}


def options(text, **frequencies):
    return {"text": text, "options": [{"text": t, "freq": f} for t, f in frequencies.items()]}


# What a cluster holding "Đăng ký tạm trú", "Đăng ký thường trú" and "Thu phí" answers to the
# search and to both "did you mean" requests (the node answers each the same).
SPELLING_ANSWER = {
    "hits": {"total": {"value": 0}, "hits": []},
    "aggregations": {
        "known": buckets(dang=2, ky=2, tam=1, chu=0),
        "variants": buckets(tru=2, giang=0, rang=0),
        "written": buckets(dang=0, đang=0, ky=0, tam=0, tru=0),
    },
    "suggest": {
        "words": [options("dang"), options("ky"), options("tam"), options("chu")],
        "written": [
            options("dang", đăng=2),
            options("đang", đăng=2),
            options("ky", ký=2),
            options("tam", tạm=1),
            options("tru", thu=1, trú=2),
        ],
    },
}


def test_did_you_mean_corrects_folded_then_asks_titles_for_the_marks(recorded):
    RecordingNode.answers[("POST", "/portal-entries/_search")] = SPELLING_ANSWER

    result = recorded.search(SearchRequest(text="đăng ký tạm chú"))

    _, corrections, spellings = calls("POST", "/portal-entries/_search")
    words = corrections["suggest"]["words"]
    assert words["text"] == "dang ky tam chu"
    assert words["term"]["field"] == "title.folded"
    assert words["term"]["min_word_length"] == 1
    assert corrections["aggs"]["variants"]["filters"]["filters"]["tru"] == {
        "term": {"title.folded": "tru"}
    }
    written = spellings["suggest"]["written"]
    assert written["text"] == "tru"  # the words typed with marks keep them
    assert (written["term"]["field"], written["term"]["prefix_length"]) == ("title", 0)
    assert spellings["aggs"]["written"]["filters"]["filters"] == {"tru": {"term": {"title": "tru"}}}
    assert result.suggestion == "đăng ký tạm trú"


def test_did_you_mean_writes_an_unaccented_query_with_marks(recorded):
    RecordingNode.answers[("POST", "/portal-entries/_search")] = SPELLING_ANSWER

    result = recorded.search(SearchRequest(text="dang ky tam chu"))

    spellings = calls("POST", "/portal-entries/_search")[2]
    assert spellings["suggest"]["written"]["text"] == "dang ky tam tru đang"
    assert result.suggestion == "đăng ký tạm trú"


def test_did_you_mean_asks_no_spellings_when_every_word_is_known(recorded):
    answer = {**SPELLING_ANSWER, "aggregations": {"known": buckets(tam=1, tru=2)}}
    RecordingNode.answers[("POST", "/portal-entries/_search")] = answer

    result = recorded.search(SearchRequest(text="tạm trú"))

    assert len(calls("POST", "/portal-entries/_search")) == 2
    assert result.suggestion is None
