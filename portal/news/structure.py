"""The news part of the page tree: sections (chuyên mục) and the latest-news page, per language."""

from portal.core.editorial import grant_section_editing
from portal.core.site_structure import ensure_home, ensure_section
from portal.core.text import slugify_vi

from .models import LatestNewsPage, NewsIndexPage

LATEST = {"vi": ("tin-tuc", "Tin tức"), "en": ("news", "News")}
DEFAULT_SECTION = {"vi": "Tin tổng hợp", "en": "General news"}


def latest_news_page(language_code="vi"):
    slug, title = LATEST.get(language_code, LATEST["en"])
    return ensure_section(LatestNewsPage, slug=slug, title=title, language_code=language_code)


def news_section(title, language_code="vi", *, slug=None):
    """The section of this title (created and opened to editors if missing)."""
    title = (title or "").strip() or DEFAULT_SECTION.get(language_code, DEFAULT_SECTION["en"])
    slug = slug or slugify_vi(title)
    home = ensure_home(language_code)
    taken = home.get_children().filter(slug=slug).exclude(content_type__model="newsindexpage")
    if taken.exists():
        slug = f"{slug}-tin"
    section = ensure_section(NewsIndexPage, slug=slug, title=title, language_code=language_code)
    grant_section_editing(section)
    return section
