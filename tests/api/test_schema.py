"""The served OpenAPI document is true: every operation is exercised and every response fits."""

import datetime

import pytest

from django.utils import timezone

from portal.api.preview import make_token
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalArticle
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.notices.models import MaintenanceNotice
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models.records import ProcedureChannel, ProcedureStep
from search.collect import all_documents
from search.engines import get_engine
from search.requests import FACETS
from tests.alerts.openapi_requests import alerts_responses
from tests.drafts.openapi_requests import drafts_responses
from tests.engagement.openapi_requests import engagement_responses
from tests.information_requests.openapi_requests import information_request_responses
from tests.statistics.openapi_requests import statistics_responses

from .openapi import OpenAPIDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return OpenAPIDocument(response.json())


@pytest.fixture
def requests(home, published, settings, tmp_path):
    """(path, query) pairs covering every operation, with successes and documented errors."""
    page = published("Thông báo")
    page.title = "Thông báo (bản nháp)"
    page.save_revision()
    news = NewsPageFactory.build(slug="tin-mau", body=[("paragraph", "<p>Nội dung</p>")])
    news.tags.set(["Đất đai"])
    news_section("Tin hoạt động").add_child(instance=news)
    news.save_revision().publish()
    procedure = ProcedurePageFactory(code="1.012756", name="Đăng ký đất đai lần đầu")
    ProcedureStep.objects.create(page=procedure, text="Nộp hồ sơ")
    ProcedureChannel.objects.create(page=procedure, method="online", processing_time="10 ngày")
    document = LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="2499/QĐ-BTNMT"
    )
    LegalArticle.objects.create(document=document, number="1", title="Phạm vi", text="…")
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild(all_documents())
    start = timezone.now() + datetime.timedelta(days=14)
    MaintenanceNotice.objects.create(
        message="Nâng cấp hệ thống", starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    return [
        ("/api/news/", {"tag": "dat-dai", "page_size": 5}),
        ("/api/news/", {"section": "khong-co"}),
        ("/api/news/", {"page": 9}),
        ("/api/news/tin-mau/", {}),
        ("/api/news/khong-co/", {}),
        ("/api/procedures/", {"level": "province", "order": "-popularity"}),
        ("/api/procedures/", {"level": "galaxy"}),
        ("/api/procedures/", {"page": 5}),
        ("/api/procedures/1.012756/", {}),
        ("/api/procedures/9.999999/", {}),
        ("/api/procedures/1.012756/implementations/", {}),
        ("/api/procedures/9.999999/implementations/", {}),
        ("/api/legal/", {"issued_from": "2020-01-01", "type": "Thông tư"}),
        ("/api/legal/", {"issued_from": "2020-02-31"}),
        ("/api/legal/", {"page": 3}),
        ("/api/legal/2499/qd-btnmt/", {}),
        ("/api/legal/1/2099/QH99/", {}),
        ("/api/search/", {"q": "đất đai"}),
        ("/api/search/", {"q": "phạm vi", "kind": "legal"}),
        ("/api/search/", {"q": "đăng ký đất đaj"}),
        ("/api/search/", {"q": "đất đai", "page": "x"}),
        ("/api/search/", {"q": "đất đai", "kind": "sach"}),
        ("/api/search/suggest/", {"q": "đă"}),
        ("/api/search/suggest/", {"q": "đ" * 501}),
        ("/api/preview/", {"token": make_token(page)}),
        ("/api/preview/", {"token": "gia-mao:abc:def"}),
        ("/api/preview/", {}),
        ("/api/notices/", {}),
        ("/api/catalog/", {}),
        ("/api/disclosures/", {}),
        ("/api/organisation/", {}),
    ]


def test_every_response_matches_the_served_schema(client, openapi, requests, jsonl, home):
    for path, query in requests:
        openapi.validate(client.get(path, query))
    for response, method in engagement_responses(client):
        openapi.validate(response, method)
    for response, method in information_request_responses(client):
        openapi.validate(response, method)
    for response, method in alerts_responses(client):
        openapi.validate(response, method)
    for response, method in drafts_responses(client, home):
        openapi.validate(response, method)
    for response, method in statistics_responses(client, jsonl):
        openapi.validate(response, method)

    assert {path for path, _ in openapi.operations() - openapi.exercised} == set()
    assert openapi.undocumented == set()


def test_search_answers_fit_the_schema_field_by_field(client, openapi, requests, settings):
    article = client.get("/api/search/", {"q": "phạm vi", "kind": "legal"})
    corrected = client.get("/api/search/", {"q": "đăng ký đất đaj"})
    settings.API_SEARCH_RATE = "2/min"  # the two searches above used the minute up
    limited = client.get("/api/search/", {"q": "đă"})

    for response in (article, corrected, limited):
        openapi.validate(response)
    assert not openapi.undocumented
    assert article.json()["results"][0]["article"] == "1"
    assert corrected.json()["facets"]["kind"][0]["value"] == "procedure"
    assert corrected.json()["suggestion"] == "đăng ký đất đai"
    assert limited.status_code == 429


def test_schema_lists_every_search_parameter(openapi):
    operation = openapi.document["paths"]["/api/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}

    assert names == {"q", "page", "page_size", "sort", "date_from", "date_to", *FACETS}


def test_schema_documents_the_json_error_bodies(openapi):
    preview = openapi.document["paths"]["/api/preview/"]["get"]["responses"]

    assert {"200", "400", "403", "404"} <= preview.keys()


def test_docs_page_is_browsable(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert "/api/schema/" in response.content.decode()


def test_every_operation_documents_the_web_servers_414(openapi):
    # gunicorn answers an address over 4094 bytes itself: a client reading the document should
    # expect it (schemathesis flagged it as an undocumented status).
    for path, operations in openapi.document["paths"].items():
        for method, operation in operations.items():
            assert "text/html" in operation["responses"]["414"]["content"], (method, path)


@pytest.mark.parametrize("path", ["/api/questions/", "/api/reports/"])
def test_the_document_says_a_submission_needs_consent(openapi, path):
    # A body with consent false is refused with a 400: it does not fit the document either.
    body = openapi.document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    schema = body["schema"]
    if "$ref" in schema:
        schema = openapi.document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert schema["properties"]["consent"]["enum"] == [True]
