"""The served OpenAPI document is true: every operation is exercised and every response fits."""

import pytest

from portal.api.preview import make_token

from .openapi import OpenAPIDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return OpenAPIDocument(response.json())


@pytest.fixture
def requests(published):
    """(path, query) pairs covering every operation, with successes and documented errors."""
    page = published("Thông báo")
    page.title = "Thông báo (bản nháp)"
    page.save_revision()
    return [
        ("/api/preview/", {"token": make_token(page)}),
        ("/api/preview/", {"token": "gia-mao:abc:def"}),
        ("/api/preview/", {}),
    ]


def test_every_response_matches_the_served_schema(client, openapi, requests):
    for path, query in requests:
        openapi.validate(client.get(path, query))

    assert openapi.exercised == openapi.operations(), "some operations were never exercised"


def test_schema_documents_the_json_error_bodies(openapi):
    preview = openapi.document["paths"]["/api/preview/"]["get"]["responses"]

    assert {"200", "400", "403", "404"} <= preview.keys()


def test_docs_page_is_browsable(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert "/api/schema/" in response.content.decode()
