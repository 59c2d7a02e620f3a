import pytest
from wagtail_factories import ImageFactory

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_pages_lists_published_pages_in_both_languages(client, english_home, published):
    published("Giới thiệu")
    published("About us", parent=english_home, slug="about-us")

    response = client.get("/api/v2/pages/")

    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert {"Trang chủ", "Home", "Giới thiệu", "About us"} <= titles


def test_page_detail_has_locale_and_parent(client, published):
    page = published("Giới thiệu")

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["title"] == "Giới thiệu"
    assert data["meta"]["locale"] == "vi"
    assert data["meta"]["parent"]["title"] == "Trang chủ"


def test_images_offer_rendition_urls(client, db):
    ImageFactory(title="Ảnh hội nghị", file__width=1200, file__height=900)

    item = client.get("/api/v2/images/").json()["items"][0]

    assert item["title"] == "Ảnh hội nghị"
    thumbnail = item["meta"]["renditions"]["thumbnail"]
    assert (thumbnail["width"], thumbnail["height"]) == (400, 300)
    assert thumbnail["url"].startswith("/media/images/")
    assert item["meta"]["renditions"]["large"]["width"] == 1200


def test_documents_offer_download_url(client, db):
    document = get_document_model().objects.create(title="Quyết định 2499")
    document.file.save("qd-2499.pdf", ContentFile(PDF))

    item = client.get("/api/v2/documents/").json()["items"][0]

    assert item["title"] == "Quyết định 2499"
    assert item["meta"]["download_url"].endswith(".pdf")


def test_limit_above_the_cap_is_a_json_400(client, home):
    response = client.get("/api/v2/pages/?limit=1000")

    assert response.status_code == 400
    assert "limit" in response.json()["message"]


def test_unknown_page_is_a_json_404(client, home):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert response.json()["message"]
