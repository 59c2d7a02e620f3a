import datetime

from django.utils import timezone

from wagtail.rich_text import RichText


def test_news_item_gives_one_search_document_with_facets(make_news, section):
    published = timezone.make_aware(datetime.datetime(2025, 3, 4, 23, 30))
    page = make_news(
        title="Hội nghị triển khai Luật Đất đai",
        slug="hoi-nghi-luat-dat-dai",
        lead="Bộ tổ chức hội nghị toàn quốc.",
        publish_date=published,
        tags=["Đất đai", "Hội nghị"],
        body=[
            ("paragraph", RichText("<p>Thứ trưởng <b>chủ trì</b> hội nghị.</p>")),
            ("quote", {"text": "Đất đai là nguồn lực quan trọng.", "attribution": "Bộ trưởng"}),
        ],
    )

    [document] = page.search_documents()

    assert document.kind == "news"
    assert document.id == "hoi-nghi-luat-dat-dai"
    assert document.title == "Hội nghị triển khai Luật Đất đai"
    assert document.url == "/tin-hoat-dong/hoi-nghi-luat-dat-dai/"
    assert document.language == "vi"
    assert document.summary == "Bộ tổ chức hội nghị toàn quốc."
    assert document.body.startswith("Bộ tổ chức hội nghị toàn quốc.")
    assert "Thứ trưởng chủ trì hội nghị." in document.body
    assert "Đất đai là nguồn lực quan trọng." in document.body
    assert "<b>" not in document.body
    assert document.date == datetime.date(2025, 3, 4)
    assert document.facets["section"] == [("tin-hoat-dong", "Tin hoạt động")]
    assert sorted(document.facets["tag"]) == [("dat-dai", "Đất đai"), ("hoi-nghi", "Hội nghị")]
    assert document.page_id == page.pk


def test_english_item_document_has_english_language(make_news, english_section):
    page = make_news(parent=english_section, title="Land law conference", slug="land-law")

    [document] = page.search_documents()

    assert document.language == "en"
    assert document.url == "/en/activities/land-law/"
    assert document.key == "news:en:land-law"
