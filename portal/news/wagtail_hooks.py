from wagtail import hooks

from portal.core.home import HOOK, listing_url, section_item

from . import queries
from .models import LatestNewsPage


@hooks.register(HOOK)
def home_news(locale, size):
    """Featured items of this language; the latest items when none is featured."""
    items = queries.featured_news(locale, limit=size) or list(queries.live_news(locale)[:size])
    return {
        "featured_news": [section_item(item, item.lead, item.publish_date) for item in items],
        "news_url": listing_url(LatestNewsPage, locale),
    }
