"""The request bodies the Elasticsearch engine sends, recorded by a transport node that answers
with canned responses (no server involved)."""

import datetime

from pytest import approx

from django.core.management import call_command

from search.engines.elasticsearch.mapping import SCHEMA_VERSION
from search.engines.elasticsearch.queries import TANTIVY_BM25 as BM25
from search.ranking import (
    BOOSTS,
    EXACT_ACCENT,
    EXACT_TITLE,
    IDENT_EXACT,
    LOOKUP,
    LOOKUP_TYPE,
    LOOKUP_WINDOW,
    PHRASE_TITLE,
)
from search.requests import SearchRequest
from search.reranking import DEPTH

from .conftest import legal, procedure
from .es_recording import RecordingNode, calls, order

MAPPING = ("GET", "/portal-entries/_mapping")


def bulk_sources(documents, recorded):
    """The _source of each document as a rebuild sends it, by key."""
    recorded.rebuild(documents)
    name = next(call.path for call in RecordingNode.calls if call.method == "PUT").strip("/")
    lines = [line for body in calls("PUT", f"/{name}/_bulk") for line in body]
    pairs = zip(lines[::2], lines[1::2], strict=True)
    return {action["index"]["_id"]: source for action, source in pairs}


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


def test_mapping_has_the_embedded_engines_fields_and_a_schema_version(recorded):
    recorded.rebuild([])
    created = calls("PUT", "/portal-entries-")[0]
    mappings = created["mappings"]
    assert mappings["_meta"] == {"schema_version": SCHEMA_VERSION}
    properties = mappings["properties"]
    for name in ("title_b", "body_b"):
        assert properties[name]["type"] == "text"
        assert properties[name]["index_options"] == "freqs"
        assert created["settings"]["analysis"]["analyzer"][properties[name]["analyzer"]] == {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase"],
        }
    for name in ("title_key", "entry", "num", "num_year", "num_type", "num_code"):
        assert properties[name]["type"] == "keyword", name
    assert properties["w_everyday"]["type"] == properties["w_question"]["type"] == "float"
    assert properties["day"]["type"] == "date"
    # Words are runs of letters and digits, as search.analysis cuts them: "1.004194" is two.
    tokenizer = created["settings"]["analysis"]["tokenizer"]["vi_words"]
    assert tokenizer == {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}


def test_bulk_source_carries_number_parts_pairs_and_weights(recorded):
    decree = legal(
        "269/2025/NĐ-CP",
        "Nghị định về đô thị thông minh",
        facets={"doc_type": [("Nghị định", "Nghị định")]},
    )
    code = procedure("1.004194", "Đăng ký tạm trú", date=datetime.date(2024, 3, 1))
    sources = bulk_sources([decree, code], recorded)
    source = sources["legal:vi:269/2025/NĐ-CP"]
    assert (source["num"], source["num_year"]) == ("269", "2025")
    assert source["num_type"] == ["nd"] and source["num_code"] == ["nd", "cp"]
    assert source["entry"] == "document"
    assert source["title_key"] == "nghi dinh ve do thi thong minh"
    assert "nghidinh" in source["title_b"].split()
    # No date: as old as the year of its number, for sorting; none is shown.
    assert source["day"] == "2025-01-01" and "date" not in source
    # Multipliers as they are: Elasticsearch multiplies by the field's value.
    assert source["w_everyday"] == approx(2.4)
    source = sources["procedure:vi:1.004194"]
    assert "1004194" in source["ident"] and "1.004194" in source["ident"]
    assert "num" not in source
    assert source["day"] == source["date"] == "2024-03-01"
    assert (source["w_everyday"], source["w_question"]) == (approx(3.0), approx(1.0))


def test_an_index_of_another_schema_version_is_not_current(recorded):
    RecordingNode.answers[MAPPING] = {"portal-entries-old": {"mappings": {"properties": {}}}}
    assert not recorded.is_current()
    current = {"_meta": {"schema_version": SCHEMA_VERSION}, "properties": {}}
    RecordingNode.answers[MAPPING] = {"portal-entries-old": {"mappings": current}}
    assert recorded.is_current()
    RecordingNode.answers[MAPPING] = None  # no index yet: the first write creates a current one
    assert recorded.is_current()


def test_sync_rebuilds_an_index_of_another_schema_version(recorded, monkeypatch):
    RecordingNode.answers[MAPPING] = {"portal-entries-old": {"mappings": {"properties": {}}}}
    monkeypatch.setattr("search.management.commands.search_index.get_engine", lambda: recorded)
    call_command("search_index", "sync")
    created = calls("PUT", "/portal-entries-")[0]
    assert created["mappings"]["_meta"] == {"schema_version": SCHEMA_VERSION}
    assert calls("POST", "/_aliases")[-1]["actions"][0] == {
        "remove": {"index": "portal-entries-old", "alias": "portal-entries"}
    }


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


def search_body(recorded, text, **kwargs):
    recorded.search(SearchRequest(text=text, **kwargs))
    return calls("POST", "/portal-entries/_search")[0]  # [1] is "did you mean"


def clauses(node, kind):
    """Every clause of this kind anywhere in a request body, in order."""
    if isinstance(node, dict):
        if kind in node:
            yield node[kind]
        for value in node.values():
            yield from clauses(value, kind)
    elif isinstance(node, list):
        for item in node:
            yield from clauses(item, kind)


def scored(body):
    """The scored query inside the weighting, and the weight's field (None: unweighted)."""
    query = body["query"]
    if "function_score" in query:
        weighting = query["function_score"]
        return weighting["query"]["bool"], weighting["field_value_factor"]["field"]
    return query["bool"], None


def word_clauses(body):
    """Folded word -> its clause: the words a document must contain enough of."""
    matching = scored(body)[0]["must"][0]
    words = next(b for b in clauses(matching, "bool") if "minimum_should_match" in b)
    return {
        next(clauses(clause, "title.folded"))["query"]: clause["bool"]["should"]
        for clause in words["should"]
    }


def constants(node):
    """(field, value) -> score of every constant_score term clause."""
    found = {}
    for clause in clauses(node, "constant_score"):
        term = clause["filter"].get("term")
        if term:
            ((field, value),) = term.items()
            found[field, value] = clause["boost"]
    return found


def test_everyday_words_body(recorded):
    body = search_body(
        recorded, "đăng ký tạm trú", kinds=["procedure"], filters={"field": ["cu-tru"]}
    )
    query, weight = scored(body)
    assert weight == "w_everyday"
    boosts = BOOSTS["everyday"]
    words = word_clauses(body)
    assert list(words) == ["dang", "ky", "tam", "tru"]
    assert {"match": {"title.folded": {"query": "dang", "boost": approx(boosts.title * BM25)}}} in (
        words["dang"]
    )
    # Typed with marks: the fields as written count too, more.
    accent = {
        "match": {"title": {"query": "đăng", "boost": approx(boosts.title * EXACT_ACCENT * BM25)}}
    }
    assert accent in words["dang"]
    minimum = next(b for b in clauses(query, "bool") if "minimum_should_match" in b)
    assert minimum["minimum_should_match"] == 3
    should = query["should"]
    phrase = {"query": "dang ky tam tru", "boost": approx(PHRASE_TITLE * BM25)}
    assert {"match_phrase": {"title.folded": phrase}} in should
    pair = {"value": "tamtru", "boost": approx(boosts.pair_title * BM25)}
    assert {"term": {"title_b": pair}} in should
    assert constants(should)["title_key", "dang ky tam tru"] == EXACT_TITLE
    assert "sort" not in body
    # Multi-select: hits are narrowed by post_filter, each facet counted without its own filter.
    assert body["post_filter"]["bool"]["filter"] == [
        {"terms": {"facet.field": ["cu-tru"]}},
        {"terms": {"facet.kind": ["procedure"]}},
    ]
    assert body["aggs"]["field"]["filter"]["bool"]["filter"] == [
        {"terms": {"facet.kind": ["procedure"]}}
    ]


def test_question_body_ignores_its_boilerplate(recorded):
    body = search_body(
        recorded,
        "Công dân có chỗ ở hợp pháp thì được đăng ký thường trú theo quy định, đúng hay sai?",
    )
    query, weight = scored(body)
    assert weight == "w_question"
    words = word_clauses(body)
    assert set(words) == {"cong", "dan", "hop", "phap", "dang", "ky", "thuong", "tru"}
    assert not {"dung", "sai", "theo", "quy", "dinh", "hay", "co", "duoc"} & set(words)
    pairs = {
        term["value"]: term["boost"]
        for clause in query["should"]
        for field, term in clause.get("term", {}).items()
        if field == "body_b"
    }
    assert pairs["dangky"] == approx(BOOSTS["question"].pair_body * BM25)
    assert "hopphap" in pairs and "thuongtru" in pairs
    assert "quydinh" not in pairs and "dunghay" not in pairs and "haysai" not in pairs
    # Too long for a whole-query phrase (synonyms' phrases may remain); a question names no title.
    phrases = [p for c in clauses(query, "match_phrase") for p in c.values()]
    assert not [p for p in phrases if len(p["query"].split()) > 3]
    assert not [field for field, _ in constants(query) if field == "title_key"]


def test_number_lookup_body_asks_for_every_tier_by_score(recorded):
    body = search_body(recorded, "nghị định 269")
    query, weight = scored(body)
    assert weight is None  # tiers are never reweighted
    lookup = next(b for b in clauses(query, "bool") if ("num", "269") in constants(b.get("must")))
    assert constants(lookup) == {("num", "269"): LOOKUP, ("num_type", "nd"): LOOKUP_TYPE}
    # By score, then put newest first within each tier in Python, as the embedded engine does:
    # no script, so a cluster with scripting disabled answers alike.
    assert "sort" not in body
    assert body["from"] == 0 and body["size"] >= LOOKUP_WINDOW


def test_document_number_query_asks_for_exact_identifier_first(recorded):
    body = search_body(recorded, "2499 qđ btnmt")
    matching = scored(body)[0]["must"][0]
    assert constants(matching)["ident", "2499-QD-BTNMT"] == IDENT_EXACT


def test_newest_sort_is_by_the_effective_date(recorded):
    body = search_body(recorded, "môi trường", sort="newest", date_from=datetime.date(2021, 1, 1))
    assert body["sort"][0] == {"day": {"order": "desc", "missing": "_last"}}
    filters = scored(body)[0]["filter"]
    assert filters[0] == {"range": {"day": {"gte": "2021-01-01"}}}


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


def article_hit(number, score, text):
    return {
        "_score": score,
        "_source": {
            "kind": "legal",
            "id": "31/2024/QH15",
            "title": f"Luật Đất đai – Điều {number}",
            "url": f"/van-ban/31-2024-QH15/#dieu-{number}",
            "article": number,
            "body": text,
        },
        "highlight": {"body.folded": [text[:40]]},
    }


def test_a_question_fetches_its_first_answers_whole_and_reorders_them(recorded):
    RecordingNode.answers[("POST", "/portal-entries/_search")] = {
        "hits": {
            "total": {"value": 2},
            "hits": [
                article_hit("3", 9.0, "Giấy chứng nhận. Giấy chứng nhận. Chuyển nhượng."),
                article_hit(
                    "45",
                    6.0,
                    "Người sử dụng đất được chuyển nhượng quyền sử dụng đất khi có "
                    "Giấy chứng nhận.",
                ),
            ],
        },
        "aggregations": {},
    }
    question = (
        "Người sử dụng đất được chuyển nhượng quyền sử dụng đất khi có Giấy chứng nhận không?"
    )
    pages = [
        [
            hit.article
            for hit in recorded.search(SearchRequest(text=question, page=page, page_size=1)).hits
        ]
        for page in (1, 2)
    ]
    assert pages == [["45"], ["3"]]
    body = calls("POST", "/portal-entries/_search")[0]
    assert (body["from"], body["size"]) == (0, DEPTH)
    assert "body" in body["_source"]["includes"]


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
