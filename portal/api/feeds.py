"""Atom change feeds for partner systems: the latest visible pages of one type, newest change
first. An entry's `updated` is the page's last publication, so a partner polling the feed sees a
document again when it is amended; its id is stable (the natural key), so it is not a new item.
Its summary ends with the note of the page's latest major change or correction (portal.changes).
Each agency's site has its own feed: its pages and the national shared ones (portal.core.sites).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from portal.changes.history import latest_notes
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
        pages = pages.exclude(last_published_at=None).order_by("-last_published_at", "-pk")
        pages = list(pages[:FEED_SIZE])
        notes = latest_notes([page.pk for page in pages])
        for page in pages:
            page.change_note = notes.get(page.pk)
        return pages

    def item_description(self, page):
        """The page's summary, then the public note of its latest major change or correction."""
        summary = self.item_summary(page)
        note = page.change_note
        if note is None:
            return summary
        when = note.created_at.strftime("%d/%m/%Y")
        return f"{summary} — {escape(note.get_kind_display())} {when}: {escape(note.note)}"

    def item_summary(self, page):
        raise NotImplementedError

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
