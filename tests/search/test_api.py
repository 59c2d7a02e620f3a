import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from search.engines import EngineUnavailable

from .conftest import article, legal, procedure


@pytest.fixture
def indexed(engine):
    engine.index(
        [
            procedure("1.004194", "Đăng ký tạm trú", facets={"field": [("cu-tru", "Cư trú")]}),
            legal("68/2020/QH14", "Luật Cư trú"),
            article("68/2020/QH14", "Luật Cư trú", "30", "Công dân đăng ký tạm trú."),
        ]
    )
    return engine


def test_search_api_shape(client, indexed):
    response = client.get("/api/search/", {"q": "dang ky tam tru", "page_size": 5})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "query",
        "total",
        "page",
        "page_size",
        "took_ms",
        "results",
        "facets",
        "suggestion",
    }
    assert (body["query"], body["page"], body["page_size"]) == ("dang ky tam tru", 1, 5)
    first = body["results"][0]
    assert set(first) == {"kind", "id", "title", "url", "snippet", "article", "date", "recommended"}
    assert first["id"] == "1.004194" and first["article"] is None
    article_hit = next(r for r in body["results"] if r["article"])
    assert article_hit["article"] == "30" and article_hit["url"].endswith("#dieu-30")
    assert {"value": "cu-tru", "label": "Cư trú", "count": 1} in body["facets"]["field"]


def test_kind_filter_and_suggest(client, indexed):
    body = client.get("/api/search/", {"q": "cu tru", "kind": "legal"}).json()
    assert {r["kind"] for r in body["results"]} == {"legal"}
    suggestions = client.get("/api/search/suggest/", {"q": "dang k"}).json()["suggestions"]
    assert suggestions[0] == {
        "kind": "procedure",
        "id": "1.004194",
        "title": "Đăng ký tạm trú",
        "url": "/thu-tuc/1.004194/",
    }


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "0"},
        {"page_size": "500"},
        {"sort": "oldest"},
        {"kind": "video"},
        {"date_from": "2024-13-01"},
        {"date_from": "2024-02-01", "date_to": "2024-01-01"},
        {"q": "a" * 5000},
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, indexed, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_engine_down_gives_503_with_message(client, engine, monkeypatch, english_home):
    def down(*args, **kwargs):
        raise EngineUnavailable("connection refused")

    monkeypatch.setattr(type(engine), "search", down)
    monkeypatch.setattr(type(engine), "suggest", down)
    response = client.get("/api/search/", {"q": "dat dai"})
    assert response.status_code == 503 and "unavailable" in response.json()["message"]
    assert client.get("/api/search/suggest/", {"q": "dat"}).status_code == 503
    page = client.get("/tim-kiem/", {"q": "dat dai"})
    assert page.status_code == 503 and "tạm thời không hoạt động" in page.content.decode()
    assert "unavailable" not in page.content.decode()
    page = client.get("/en/search/", {"q": "dat dai"})
    assert page.status_code == 503 and "temporarily unavailable" in page.content.decode()


def test_search_page_works_without_javascript(client, indexed):
    page = client.get("/tim-kiem/", {"q": "dang ky tam tru"})
    html = page.content.decode()
    assert page.status_code == 200
    # The result links through the click log's redirect, which needs no script.
    link = html.split('class="search-hit__title"><a href="')[1].split('"')[0]
    assert client.get(link.replace("&amp;", "&"))["Location"] == "/thu-tuc/1.004194/"
    assert '<input type="checkbox" name="field" value="cu-tru"' in html
    assert "<mark>" in html
    english = client.get("/en/search/", {"q": "tam tru", "field": "cu-tru"})
    assert english.status_code == 200 and 'value="cu-tru" checked' in english.content.decode()


QUERY_TEXT = st.one_of(
    st.just(""),
    st.just("x" * 5000),
    st.text(alphabet=st.sampled_from("()[]{}:\"*?~^\\/+-!&|<>'AND OR NOT"), max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from("đăngкириллица中文العربية 1.004194/QĐ-"), max_size=60),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY_TEXT)
def test_any_query_string_gets_results_or_a_clear_400(client, indexed, text):
    for url in ("/api/search/", "/api/search/suggest/"):
        response = client.get(url, {"q": text})
        assert response.status_code in (200, 400), (text, response.content[:200])
        if response.status_code == 400:
            assert response.json()["message"]


@pytest.mark.parametrize("blank", ["   ", "", "\t \n"])
def test_a_query_of_spaces_only_is_an_empty_search_not_every_item(client, indexed, blank):
    body = client.get("/api/search/", {"q": blank}).json()

    assert (body["total"], body["results"]) == (0, [])
    assert client.get("/api/search/", {"q": blank, "kind": "legal"}).json()["total"] > 0
