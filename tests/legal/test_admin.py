from datetime import date

from django.urls import reverse

from portal.legal.models import LegalArticle


def test_articles_are_edited_in_their_own_listing_per_document(admin_client, make_document):
    law = make_document(number="31/2024/QH15")
    other = make_document(number="45/2013/QH13")
    LegalArticle.objects.create(document=law, number="1", title="Phạm vi điều chỉnh", text="…")
    LegalArticle.objects.create(document=other, number="1", title="Đối tượng áp dụng", text="…")

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[law.pk])).content.decode()
    assert "Văn bản có 1 điều" in edit
    listing = admin_client.get(reverse("legal_article:index"), {"document": law.pk})
    assert "Phạm vi điều chỉnh" in listing.content.decode()
    assert "Đối tượng áp dụng" not in listing.content.decode()


def test_a_duplicate_article_number_is_refused_in_the_admin(admin_client, make_document):
    law = make_document(number="31/2024/QH15")
    LegalArticle.objects.create(document=law, number="1", title="Phạm vi điều chỉnh", text="…")
    response = admin_client.post(
        reverse("legal_article:add"),
        {"document": law.pk, "number": "1", "position": 2, "title": "Trùng", "text": "Nội dung"},
    )
    assert response.status_code == 200
    assert "Văn bản đã có Điều 1" in response.content.decode()
    assert LegalArticle.objects.count() == 1


def test_an_editor_can_open_the_form_for_a_new_document(admin_client, index_page):
    url = reverse("wagtailadmin_pages:add", args=["legal", "legaldocumentpage", index_page.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Lưu văn bản trước, sau đó thêm các điều." in response.content.decode()


def test_the_flat_listing_of_documents_filters_by_validity(admin_client, make_document):
    make_document(
        number="1/2010/TT-BTNMT",
        title="Thông tư cũ",
        issued=date(2010, 1, 1),
        expires=date(2015, 1, 1),
    )
    make_document(number="2/2024/TT-BTNMT", title="Thông tư mới")
    html = admin_client.get(reverse("legal_documents:index"), {"validity": "expired"}).content
    assert "Thông tư cũ" in html.decode() and "Thông tư mới" not in html.decode()
