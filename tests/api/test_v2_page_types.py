"""Each page type's own fields in Wagtail API v2 and in headless previews."""

import pytest

from portal.api.preview import make_token
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalArticle
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models.records import ProcedureStep

pytestmark = pytest.mark.django_db


def v2_details(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()["details"]


def test_procedure_details_in_v2(client, home):
    page = ProcedurePageFactory(code="1.012756", name="Đăng ký đất đai lần đầu")
    ProcedureStep.objects.create(page=page, text="Nộp hồ sơ")

    details = v2_details(client, page)

    assert details["code"] == "1.012756"
    assert details["steps"] == ["Nộp hồ sơ"]


def test_legal_metadata_and_articles_in_v2(client, home):
    page = LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="2499/QĐ-BTNMT"
    )
    page.save_revision().publish()
    LegalArticle.objects.create(document=page, number="1", title="Phạm vi", text="Quy định …")

    details = v2_details(client, page)

    assert details["number"] == "2499/QĐ-BTNMT"
    assert details["articles"][0]["anchor"] == "dieu-1"


def test_news_body_as_html_and_streamfield_json_in_v2(client, home):
    page = NewsPageFactory.build(slug="tin", body=[("paragraph", "<p>Nội dung <i>mới</i></p>")])
    news_section("Tin hoạt động").add_child(instance=page)
    page.save_revision().publish()

    listed = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "details"}).json()
    details = v2_details(client, page)

    assert listed["items"][0]["details"]["slug"] == "tin"
    assert "<i>mới</i>" in details["body_html"]
    assert details["body"][0]["type"] == "paragraph"


def test_preview_of_a_procedure_carries_the_draft_details(client, home):
    page = ProcedurePageFactory(code="1.000123", name="Tên cũ")
    page.name = "Tên mới chưa duyệt"
    page.status = "amended"
    page.save_revision()

    data = client.get("/api/preview/", {"token": make_token(page)}).json()

    assert data["details"]["name"] == "Tên mới chưa duyệt"
    assert data["details"]["status"] == "amended"
    assert client.get("/api/procedures/1.000123/").json()["name"] == "Tên cũ"
