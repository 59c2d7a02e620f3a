"""Site scope in the Elasticsearch engine's requests (the embedded engine's behaviour is tested
end to end with two sites in tests/core/test_site_scoping.py)."""

from search.documents import SearchDocument
from search.requests import SearchRequest

from .es_recording import calls


def test_search_and_suggest_filter_by_the_sites_searched(recorded):
    recorded.search(SearchRequest(text="rừng", sites=["7", "*"]))
    body = calls("POST", "/portal-entries/_search")[0]
    assert {"terms": {"site": ["7", "*"]}} in body["query"]["function_score"]["query"]["bool"][
        "filter"
    ]
    recorded.suggest("rừng", sites=["7", "*"])
    suggest = calls("POST", "/portal-entries/_search")[-1]
    filters = suggest["query"]["function_score"]["query"]["bool"]["filter"]
    assert {"terms": {"site": ["7", "*"]}} in filters


def test_the_ministrys_search_has_no_site_filter(recorded):
    recorded.search(SearchRequest(text="rừng"))
    body = calls("POST", "/portal-entries/_search")[0]
    assert '"site"' not in str(body).replace("'", '"').split('"aggs"')[0]


def test_entries_carry_their_site_and_the_shared_mark(recorded):
    from search.engines.elasticsearch.mapping import Entry

    shared = SearchDocument(kind="procedure", id="1.1", title="T", url="/", site="1", shared=True)
    local = SearchDocument(kind="news", id="a", title="T", url="/", site="7", local=True)
    assert Entry.from_document(shared).site == ["1", "*"]
    assert Entry.from_document(local).site == ["7"]
    assert local.key == "news:vi:a@7" and shared.key == "procedure:vi:1.1"
