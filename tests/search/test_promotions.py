"""Promoted results: a page an editor pins to a query comes first, marked as recommended, for
the query with or without marks, on the embedded engine and on Elasticsearch alike."""

import pytest

from portal.procedures.factories import ProcedurePageFactory
from search.collect import documents_for
from search.promotions import PromotedResult, promote
from search.requests import SearchRequest

from .conftest import procedure
from .es_recording import RecordingNode

pytestmark = pytest.mark.django_db


@pytest.fixture
def pinned(home):
    """A live procedure pinned to "giấy phép môi trường"; it ranks low on its own."""
    page = ProcedurePageFactory(code="1.010727", name="Cấp đổi giấy phép (thủ tục ít dùng)")
    PromotedResult.objects.create(query="Giấy phép môi trường", page=page)
    return page


@pytest.fixture
def indexed(engine, pinned):
    engine.index(
        [
            procedure("1.000001", "Cấp giấy phép môi trường", popularity=10_000),
            procedure("1.000002", "Cấp lại giấy phép môi trường", popularity=5_000),
            *documents_for(pinned),
        ]
    )
    return engine


@pytest.mark.parametrize("text", ["giấy phép môi trường", "GIAY PHEP MOI TRUONG"])
def test_the_pinned_page_comes_first_marked_recommended_with_or_without_marks(
    client, indexed, pinned, text
):
    body = client.get("/api/search/", {"q": text}).json()

    first, *rest = body["results"]
    assert (first["id"], first["recommended"]) == (pinned.code, True)
    assert [hit["id"] for hit in rest].count(pinned.code) == 0  # not listed twice
    assert not any(hit["recommended"] for hit in rest)


def test_the_search_page_shows_the_pinned_page_first_as_recommended(client, indexed, pinned):
    html = client.get("/tim-kiem/", {"q": "giay phep moi truong"}).content.decode()

    first_hit = html.split('class="search-hit ', 2)[1]
    assert "Đề xuất" in first_hit and pinned.title in first_hit


def test_other_queries_filters_and_later_pages_are_left_alone(client, indexed, pinned):
    assert client.get("/api/search/", {"q": "giấy phép"}).json()["results"][0]["id"] != pinned.code
    only_news = client.get("/api/search/", {"q": "giấy phép môi trường", "kind": "news"}).json()
    assert only_news["results"] == []
    second = client.get("/api/search/", {"q": "giay phep moi truong", "page": 2, "page_size": 1})
    assert not any(hit["recommended"] for hit in second.json()["results"])


def test_an_unpublished_pinned_page_is_not_shown(client, indexed, pinned):
    pinned.unpublish()

    results = client.get("/api/search/", {"q": "giấy phép môi trường"}).json()["results"]

    assert pinned.code not in [hit["id"] for hit in results]


def test_elasticsearch_answers_get_the_pinned_page_first(recorded, pinned):
    RecordingNode.answers[("POST", "/portal-entries/_search")] = {
        "hits": {
            "total": {"value": 2},
            "hits": [
                {
                    "_score": 9.0,
                    "_source": {
                        "kind": "procedure",
                        "id": "1.000001",
                        "title": "Cấp giấy phép môi trường",
                        "url": "/thu-tuc/1.000001/",
                    },
                },
                {
                    "_score": 2.0,
                    "_source": {
                        "kind": "procedure",
                        "id": pinned.code,
                        "title": pinned.title,
                        "url": pinned.url,
                    },
                },
            ],
        },
        "aggregations": {},
    }
    request = SearchRequest(text="giay phep moi truong")

    result = promote(request, recorded.search(request))

    assert [(hit.id, hit.recommended) for hit in result.hits] == [
        (pinned.code, True),
        ("1.000001", False),
    ]
    assert result.total == 2
