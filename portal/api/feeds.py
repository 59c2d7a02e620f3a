"""Atom change feeds for partner systems: the latest visible pages of one type, newest change
first. An entry's `updated` is the page's last publication, so a partner polling the feed sees a
document again when it is amended; its id is stable (the natural key), so it is not a new item.
Its summary ends with the public note of the page's latest change, from the apps that keep such
notes (the hook NOTES_HOOK: a function of page ids returning {page id: the note as text}).
Each agency's site has its own feed: its pages and the national shared ones (portal.core.sites).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from wagtail import hooks

from portal.core.public_url import absolute
from portal.core.sites import request_site
from portal.core.visibility import visible

FEED_SIZE = 50
NOTES_HOOK = "register_feed_notes"


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
        notes = {}
        for notes_of in hooks.get_hooks(NOTES_HOOK):
            notes.update(notes_of([page.pk for page in pages]))
        for page in pages:
            page.change_note = notes.get(page.pk)
        return pages

    def item_description(self, page):
        """The page's summary, then the public note of its latest change."""
        summary = self.item_summary(page)
        note = page.change_note
        return summary if note is None else f"{summary} — {escape(note)}"

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
