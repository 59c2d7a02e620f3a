"""Atom change feeds for partner systems: the latest visible pages of one type, newest change
first. An entry's `updated` is the page's last publication, so a partner polling the feed sees a
document again when it is amended; its id is stable (the natural key), so it is not a new item.
Each agency's site has its own feed: its pages and the national shared ones (portal.core.sites).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from portal.core.public_url import absolute
from portal.core.sites import request_site
from portal.core.visibility import visible

FEED_SIZE = 50


class PageChangeFeed(Feed):
    feed_type = Atom1Feed
    model = None  # a page type, set on subclasses

    language = "vi"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self):
        return absolute(self.section_url, self.request)

    def feed_url(self):
        return absolute(self.request.path, self.request)

    def items(self):
        pages = visible(self.model.objects.all(), request_site(self.request))
        pages = pages.exclude(last_published_at=None)
        return pages.order_by("-last_published_at", "-pk")[:FEED_SIZE]

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_guid(self, page):
        return f"tag:{self.model._meta.label_lower}:{self.item_key(page)}"

    def item_key(self, page):
        raise NotImplementedError
