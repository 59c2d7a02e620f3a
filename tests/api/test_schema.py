"""The served OpenAPI document is true: every operation is exercised and every response fits."""

import pytest

from portal.api.preview import make_token
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from search.engines import get_engine

from .openapi import OpenAPIDocument

pytestmark = pytest.mark.django_db

# search/api.py returns JsonResponse without declaring its parameters or response schemas, so
# the served document says nothing about their bodies yet. No other operation may join them.
KNOWN_UNDOCUMENTED = {"/api/search/", "/api/search/suggest/"}


@pytest.fixture
def openapi(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return OpenAPIDocument(response.json())


@pytest.fixture
def requests(published, settings, tmp_path):
    """(path, query) pairs covering every operation, with successes and documented errors."""
    page = published("Thông báo")
    page.title = "Thông báo (bản nháp)"
    page.save_revision()
    news = NewsPageFactory.build(slug="tin-mau", body=[("paragraph", "<p>Nội dung</p>")])
    news.tags.set(["Đất đai"])
    news_section("Tin hoạt động").add_child(instance=news)
    news.save_revision().publish()
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild([])
    return [
        ("/api/news/", {"tag": "dat-dai", "page_size": 5}),
        ("/api/news/", {"section": "khong-co"}),
        ("/api/news/", {"page": 9}),
        ("/api/news/tin-mau/", {}),
        ("/api/news/khong-co/", {}),
        ("/api/search/", {"q": "đất đai"}),
        ("/api/search/", {"q": "đất đai", "page": "x"}),
        ("/api/search/suggest/", {"q": "đấ"}),
        ("/api/preview/", {"token": make_token(page)}),
        ("/api/preview/", {"token": "gia-mao:abc:def"}),
        ("/api/preview/", {}),
    ]


def test_every_response_matches_the_served_schema(client, openapi, requests):
    for path, query in requests:
        openapi.validate(client.get(path, query))

    assert {path for path, _ in openapi.operations() - openapi.exercised} == set()
    assert openapi.undocumented <= KNOWN_UNDOCUMENTED


def test_schema_documents_the_json_error_bodies(openapi):
    preview = openapi.document["paths"]["/api/preview/"]["get"]["responses"]

    assert {"200", "400", "403", "404"} <= preview.keys()


def test_docs_page_is_browsable(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert "/api/schema/" in response.content.decode()
