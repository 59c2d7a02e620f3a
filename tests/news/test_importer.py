import json

from wagtail.models import Locale, Revision

from portal.core.importing.runner import ImportRun
from portal.news.importers import NewsImporter
from portal.news.models import LatestNewsPage, NewsIndexPage, NewsPage

LINE = {
    "kind": "news",
    "slug": "trien-khai-luat-dat-dai",
    "title": "Triển khai Luật Đất đai năm 2024",
    "lead": "Bộ tổ chức hội nghị trực tuyến toàn quốc.",
    "body": '<p onclick="x()">Nội dung <b>chính</b>.</p><script>alert(1)</script>',
    "published": "2024-08-01T09:00:00+07:00",
    "category": "Chỉ đạo điều hành",
    "tags": ["Đất đai", "Luật"],
    "language": "vi",
}


def run(path, **kwargs):
    return ImportRun(**kwargs).import_files([path])


def test_imports_the_shared_sample(corpus, db):
    report = run(corpus / "news_sample.jsonl")

    lines = (corpus / "news_sample.jsonl").read_text(encoding="utf-8").splitlines()
    assert report.ok, report.errors
    assert NewsPage.objects.live().count() == len(lines)
    first = json.loads(lines[0])
    page = NewsPage.objects.get(slug=first["slug"])
    assert page.title == first["title"]
    assert page.lead == first["text"].splitlines()[0].strip()
    assert page.get_parent().title == "Tin tổng hợp"

    again = run(corpus / "news_sample.jsonl")
    assert sum(again.outcomes.values()) == len(lines)
    assert again.summary().startswith("0 created, 0 updated, 44 unchanged")


def test_creates_section_cleans_body_and_is_idempotent(db, jsonl, client):
    path = jsonl([LINE])
    assert run(path).summary().startswith("1 created")

    page = NewsPage.objects.get(slug="trien-khai-luat-dat-dai")
    section = page.get_parent().specific
    assert isinstance(section, NewsIndexPage)
    assert (section.slug, section.title) == ("chi-dao-dieu-hanh", "Chỉ đạo điều hành")
    assert LatestNewsPage.objects.filter(slug="tin-tuc").exists()
    assert sorted(page.tags.names()) == ["Luật", "Đất đai"]
    html = client.get("/chi-dao-dieu-hanh/trien-khai-luat-dat-dai/").content.decode()
    assert "Nội dung <b>chính</b>." in html
    assert "alert(1)" not in html and "onclick" not in html

    revisions = Revision.objects.count()
    assert run(path).summary().startswith("0 created, 0 updated, 1 unchanged")
    assert Revision.objects.count() == revisions


def test_update_changes_the_item(db, jsonl):
    run(jsonl([LINE]))
    report = run(jsonl([{**LINE, "title": "Tiêu đề mới", "tags": ["Đất đai"]}], "moi.jsonl"))
    assert report.summary().startswith("0 created, 1 updated")
    page = NewsPage.objects.get(slug="trien-khai-luat-dat-dai")
    assert page.title == "Tiêu đề mới"
    assert list(page.tags.names()) == ["Đất đai"]


def test_line_without_title_is_rejected_and_others_kept(db, jsonl):
    untitled = {key: value for key, value in LINE.items() if key != "title"}
    path = jsonl([{**untitled, "slug": "khong-tieu-de"}, LINE])

    report = run(path)

    assert report.errors == [f"{path}:1: title: required key is missing"]
    assert NewsPage.objects.filter(slug="trien-khai-luat-dat-dai").exists()
    assert not NewsPage.objects.filter(slug="khong-tieu-de").exists()


def test_far_future_date_is_rejected_with_a_message(db, jsonl):
    path = jsonl([{**LINE, "published": "2099-01-01T00:00:00+07:00"}])
    report = run(path)
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{path}:1: published: Ngày đăng 01/01/2099")


def test_english_item_linked_to_vietnamese_original(db, jsonl):
    english = {
        **LINE,
        "slug": "land-law-rollout",
        "title": "Rolling out the 2024 Land Law",
        "category": "Activities",
        "language": "en",
        "translation_of": "trien-khai-luat-dat-dai",
    }
    report = run(jsonl([LINE, english]))
    assert report.ok, report.errors

    page = NewsPage.objects.get(slug="land-law-rollout")
    assert page.url == "/en/activities/land-law-rollout/"
    original = page.get_translation(Locale.objects.get(language_code="vi"))
    assert original.slug == "trien-khai-luat-dat-dai"


def test_unknown_original_is_an_error(db, jsonl):
    path = jsonl([{**LINE, "language": "en", "slug": "x", "translation_of": "khong-co"}])
    [error] = run(path).errors
    assert error == f"{path}:1: translation_of: no Vietnamese news item with slug 'khong-co'"


def test_export_roundtrip(db, jsonl):
    run(jsonl([LINE]))
    [line] = NewsImporter().export()
    assert line["slug"] == LINE["slug"]
    assert line["published"] == "2024-08-01T09:00:00+07:00"
    assert line["category"] == "Chỉ đạo điều hành"
    assert line["body"] == "<p>Nội dung <b>chính</b>.</p>"
    report = run(jsonl([line], "export.jsonl"))
    assert report.summary().startswith("0 created, 0 updated, 1 unchanged")
