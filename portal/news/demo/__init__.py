"""Demo news: four Vietnamese sections, a handful of English items linked to their Vietnamese
originals, Pillow-drawn illustrations, a video and an infographic. Only items this run
creates are illustrated, so an editor's changes are never overwritten."""

from pathlib import Path

from portal.core.demo import import_demo_file
from portal.core.editorial import setup_editorial
from portal.core.publishing import publish_revision
from portal.news.models import NewsPage
from portal.news.structure import latest_news_page, news_section

from . import images

DEMO_DIR = Path(__file__).parent
SECTIONS = {
    "vi": ["Tin hoạt động", "Chỉ đạo điều hành", "Tin địa phương", "Thông cáo báo chí"],
    "en": ["Activities", "Press releases"],
}
# Which illustration goes with which tag (first match wins); the rest get the conference hall.
TAG_IMAGES = [
    ({"Biển và hải đảo", "Seas and islands", "Chất thải nhựa", "Plastic waste"}, "biển và hải đảo"),
    ({"Đất đai", "Land", "Quy hoạch"}, "đất đai"),
    ({"Khí tượng thủy văn", "Hydro-meteorology", "Phòng chống thiên tai"}, "khí tượng thủy văn"),
    ({"Địa chất và khoáng sản", "Khai thác cát"}, "khoáng sản"),
    ({"Môi trường", "Environment", "Không khí", "Tài nguyên nước"}, "môi trường"),
]
VIDEO_ITEM = "hoi-nghi-trien-khai-luat-dat-dai-2024"
VIDEO = {
    "url": "https://www.youtube.com/watch?v=ysz5S6PUM-U",
    "title": "Phóng sự: triển khai Luật Đất đai năm 2024",
    "caption": "Video tổng hợp hội nghị triển khai.",
}
INFOGRAPHIC_ITEMS = {
    "thong-cao-bao-chi-ket-qua-kiem-ke-dat-dai",
    "press-release-results-of-the-2024-land-inventory",
}


def _image_title(page):
    tags = set(page.tags.names())
    for tag_set, subject in TAG_IMAGES:
        if tags & tag_set:
            return f"Minh họa: {subject}"
    return "Minh họa: hội nghị"


def _illustrate(page, number):
    title = _image_title(page)
    image = images.photo(title)
    page.featured_image = image
    page.featured_image_alt = images.alt_text(title)
    page.featured_image_caption = "Ảnh minh họa" if page.locale.language_code == "vi" else ""
    extra = []
    if page.slug == VIDEO_ITEM:
        extra.append(("video", VIDEO))
    if page.slug in INFOGRAPHIC_ITEMS:
        extra.append(
            (
                "infographic",
                {
                    "title": "Cơ cấu sử dụng đất năm 2024",
                    "image": images.infographic(),
                    "alt": images.INFOGRAPHIC_ALT,
                    "credit": "Bộ Tài nguyên và Môi trường",
                },
            )
        )
    if number % 3 == 0:
        extra.append(
            (
                "quote",
                {
                    "text": "Lấy người dân, doanh nghiệp làm trung tâm phục vụ.",
                    "attribution": "Lãnh đạo Bộ",
                },
            )
        )
    if number % 4 == 1:
        other = images.photo("Minh họa: hội nghị")
        extra.append(
            (
                "image",
                {
                    "image": other,
                    "alt": images.alt_text("Minh họa: hội nghị"),
                    "caption": "Quang cảnh buổi làm việc.",
                    "credit": "Cổng thông tin điện tử",
                },
            )
        )
    page.body = [(block.block_type, block.value) for block in page.body] + extra
    publish_revision(page, ["body"])


def load():
    for language, titles in SECTIONS.items():
        latest_news_page(language)
        for title in titles:
            news_section(title, language)
    before = set(NewsPage.objects.values_list("pk", flat=True))
    import_demo_file(DEMO_DIR / "news.jsonl")
    # The provincial departments' own news (each line names its site; the core demo made them).
    import_demo_file(DEMO_DIR / "local_news.jsonl")
    created = NewsPage.objects.exclude(pk__in=before).order_by("path")
    for number, page in enumerate(created):
        _illustrate(page, number)
    setup_editorial()
    return f"{NewsPage.objects.count()} tin bài, ảnh minh họa, video, infographic; quy trình duyệt"
