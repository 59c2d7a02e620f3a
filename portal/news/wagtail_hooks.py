from django.utils.translation import gettext as _

from wagtail import hooks

from portal.api.catalog import HOOK as DATASETS_HOOK
from portal.api.catalog import dataset
from portal.core.home import HOOK, current_site, listing_url, section_item
from portal.core.templatetags.feed_tags import HOOK as FEEDS_HOOK

from . import queries
from .feeds import latest_listing, listing_feeds
from .models import LatestNewsPage


@hooks.register(HOOK)
def home_news(locale, size):
    """The latest items of this language, featured ones first."""
    items = queries.home_news(locale, limit=size, site=current_site())
    return {
        "featured_news": [section_item(item, item.lead, item.publish_date) for item in items],
        "news_url": listing_url(LatestNewsPage, locale),
    }


@hooks.register(FEEDS_HOOK)
def news_feeds(request, language):
    """The RSS and Atom feeds of all news of this language."""
    latest = latest_listing(request, locale__language_code=language)
    return listing_feeds(latest["title"], latest["url"], request) if latest is not None else []


@hooks.register("register_site_sections")
def news_site_sections(site):
    """A new agency's site gets its latest-news pages and a first news section."""
    from .structure import DEFAULT_SECTION, latest_news_page, news_section

    pages = [latest_news_page(language, site=site) for language in ("vi", "en")]
    return [*pages, news_section(DEFAULT_SECTION["vi"], "vi", site=site)]


@hooks.register(DATASETS_HOOK)
def open_datasets(request):
    return [
        dataset(
            "news",
            _("Tin tức"),
            _("Tin hoạt động, thông báo và sự kiện của cơ quan."),
            [_("tin tức"), _("thông báo")],
            "/api/news/",
            "/tin-tuc/atom/",
        )
    ]
