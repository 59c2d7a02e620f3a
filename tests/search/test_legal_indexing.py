"""Legal documents are written without Wagtail's publish signal; they are indexed all the same."""

from django.core.management import call_command
from django.urls import reverse

from portal.legal.models import LegalArticle, LegalDocumentPage

LAW = {
    "kind": "legal",
    "number": "72/2020/QH14",
    "title": "Luật Bảo vệ môi trường",
    "doc_type": "Luật",
    "issuer": "Quốc hội",
    "issued": "2020-11-17",
    "articles": [
        {"number": "1", "title": "Phạm vi điều chỉnh", "text": "Luật này quy định về hoạt động."},
        {
            "number": "72",
            "title": "Thu gom chất thải rắn sinh hoạt",
            "text": "Hộ gia đình phân loại chất thải rắn sinh hoạt tại nguồn.",
        },
    ],
}


def search(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return response.json()["results"]


def test_imported_document_and_its_articles_are_found_without_sync(
    client, engine, jsonl, committed
):
    with committed():
        call_command("import_content", str(jsonl([LAW])))
    results = search(client, q="luat bao ve moi truong", kind="legal")
    assert results[0]["id"] == "72/2020/QH14" and results[0]["article"] is None
    hits = search(client, q="phan loai chat thai ran sinh hoat tai nguon", kind="legal")
    assert hits[0]["article"] == "72"
    assert hits[0]["url"].endswith("#dieu-72")


def test_reimport_with_changed_article_updates_the_index(client, engine, jsonl, committed):
    with committed():
        call_command("import_content", str(jsonl([LAW])))
    changed = dict(LAW, articles=[dict(LAW["articles"][1], text="Tổ chức thu gom pin thải.")])
    with committed():
        call_command("import_content", str(jsonl([changed])))
    assert search(client, q="pin thai")[0]["article"] == "72"
    assert search(client, q="phan loai tai nguon") == []


def test_article_edited_or_deleted_in_the_admin_is_reindexed(
    admin_client, client, engine, jsonl, committed
):
    with committed():
        call_command("import_content", str(jsonl([LAW])))
    law = LegalDocumentPage.objects.get(number="72/2020/QH14")
    article = LegalArticle.objects.get(document=law, number="1")
    with committed():
        response = admin_client.post(
            reverse("legal_article:edit", args=[article.pk]),
            {
                "document": law.pk,
                "number": "1",
                "position": 0,
                "title": "Phạm vi điều chỉnh",
                "text": "Luật này quy định về kiểm toán môi trường.",
            },
        )
    assert response.status_code == 302
    assert search(client, q="kiem toan moi truong")[0]["url"].endswith("#dieu-1")
    with committed():
        response = admin_client.post(reverse("legal_article:delete", args=[article.pk]))
    assert response.status_code == 302
    assert search(client, q="kiem toan moi truong") == []
