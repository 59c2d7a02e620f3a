"""The news part of the page tree: sections (chuyên mục) and the latest-news page, per language."""

from portal.core.editorial import grant_section_editing
from portal.core.site_structure import ensure_home, ensure_section
from portal.core.text import slugify_vi

from .models import LatestNewsPage, NewsIndexPage

LATEST = {"vi": ("tin-tuc", "Tin tức"), "en": ("news", "News")}
DEFAULT_SECTION = {"vi": "Tin tổng hợp", "en": "General news"}


def latest_news_page(language_code="vi", site=None):
    """The latest-news page of the site (None: the national site) in this language."""
    slug, title = LATEST.get(language_code, LATEST["en"])
    return ensure_section(
        LatestNewsPage, slug=slug, title=title, language_code=language_code, site=site
    )


def news_section(title, language_code="vi", *, slug=None, site=None):
    """The section of this title on the site (created and opened to its editors if missing)."""
    title = (title or "").strip() or DEFAULT_SECTION.get(language_code, DEFAULT_SECTION["en"])
    slug = slug or slugify_vi(title)
    home = ensure_home(language_code, site=site)
    taken = home.get_children().filter(slug=slug).exclude(content_type__model="newsindexpage")
    if taken.exists():
        slug = f"{slug}-tin"
    # The main navigation links to the latest-news page; its sections are listed there.
    section = ensure_section(
        NewsIndexPage,
        slug=slug,
        title=title,
        language_code=language_code,
        show_in_menus=False,
        site=site,
    )
    grant_section_editing(section)
    return section
