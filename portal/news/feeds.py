"""RSS 2.0 and Atom feeds of a news listing (a section, or all news of a language).

Absolute URLs, dates in the portal's time zone (Asia/Ho_Chi_Minh), the featured image as an
enclosure. Served by the listing pages' `rss/` and `atom/` routes.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import feedgenerator, timezone

from portal.core.content_cache import remembered
from portal.core.models import AgencySettings
from portal.core.public_url import absolute
from portal.core.sites import request_site
from portal.core.visibility import visible

FEED_SIZE = 50
ENCLOSURE_SPEC = "fill-1200x630|format-jpeg"
FEED_TYPES = {
    "rss": ("RSS", "application/rss+xml", feedgenerator.Rss201rev2Feed),
    "atom": ("Atom", "application/atom+xml", feedgenerator.Atom1Feed),
}


def _local(moment):
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)) if moment else None


class NewsFeed(Feed):
    def __init__(self, listing, kind):
        super().__init__()
        self.listing = listing
        self.kind = kind
        self.feed_type = FEED_TYPES[kind][2]

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # Feed reads `language` as a plain attribute (a method would be written as its repr).
        self.language = self.listing.locale.language_code
        return self.listing

    def _absolute(self, url):
        return absolute(url, self.request)

    def title(self, listing):
        agency = AgencySettings.for_request(self.request).name_for(listing.locale.language_code)
        return f"{listing.title} | {agency}" if agency else listing.title

    def link(self, listing):
        return self._absolute(listing.get_url(self.request))

    def feed_url(self, listing):
        return self._absolute(listing.get_url(self.request) + f"{self.kind}/")

    def description(self, listing):
        return listing.intro or listing.search_description or listing.title

    def items(self, listing):
        items = listing.news_items(request_site(self.request))
        return items.prefetch_related("tags", "featured_image__renditions")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return self._absolute(item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return _local(item.publish_date)

    def item_updateddate(self, item):
        return _local(max(filter(None, [item.publish_date, item.last_published_at])))

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        if item.featured_image is None:
            return []
        rendition = item.featured_image.get_rendition(ENCLOSURE_SPEC)
        return [
            feedgenerator.Enclosure(
                self._absolute(rendition.url), str(rendition.file.size), "image/jpeg"
            )
        ]


def news_feed(listing, request, kind):
    return NewsFeed(listing, kind)(request)


def latest_listing(request, **locale):
    """The site's "latest news" page of a locale (`locale_id=` or `locale__language_code=`) as
    plain data ({"pk", "title", "url"}), or None; remembered per site and locale, as every news
    page advertises its feeds."""
    from .models import LatestNewsPage

    site = request_site(request)

    def find():
        pages = LatestNewsPage.objects.filter(**locale)
        latest = visible(pages, site).first()
        if latest is None:
            return None
        return {"pk": latest.pk, "title": latest.title, "url": latest.get_url(request)}

    key = ("news_latest_listing", site.pk if site else None, *sorted(locale.items()))
    return remembered(key, find)


def listing_feeds(title, url, request):
    return [
        {
            "title": f"{title} ({label})",
            "type": mime,
            "url": absolute(f"{url}{kind}/", request),
        }
        for kind, (label, mime, _) in FEED_TYPES.items()
    ]


def feed_links(listing, request):
    """The feeds to advertise with <link rel="alternate">: this listing's, then all news'."""
    links = listing_feeds(listing.title, listing.get_url(request), request)
    latest = latest_listing(request, locale_id=listing.locale_id)
    if latest is not None and latest["pk"] != listing.pk:
        links += listing_feeds(latest["title"], latest["url"], request)
    return links
