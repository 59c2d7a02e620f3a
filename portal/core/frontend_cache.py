"""A front proxy or CDN (Wagtail's frontend cache, WAGTAILFRONTENDCACHE) purged by URL as a
consumer of the content event log: every URL that shows what changed.

For a changed page: the page and its translations, its ancestors up to the site's home (the
listings it appears in and the home sections), and the pages that cite it: those that link to it
(Wagtail's ReferenceIndex) and those content apps name through the `register_citing_pages` hook
(a procedure whose legal basis is a document whose validity changed). For a snippet (a field,
an agency, a menu setting), every site's home and the pages that show it
(portal.core.publishing.snippets). For a deleted or moved page, the addresses its event recorded
at the time (the deleted page and its listings, the moved page's old addresses).

The consumer runs in the task worker, never in an editor's request. A purge that fails (the
proxy is down) raises, so the consumer machinery retries it with a growing delay and keeps its
place in the log. Wagtail's backends log their failures instead of raising: the consumer
collects those log records and raises on any.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail import hooks
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site

from .publishing import register_consumer
from .publishing.snippets import pages_showing
from .visibility import visible

CITING_HOOK = "register_citing_pages"
WAGTAIL_LOGGER = "wagtail.frontendcache"


class PurgeFailed(RuntimeError):
    pass


class _Failures(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def citing_pages(pages):
    """Live pages that show something of `pages`: links to them, and what content apps name."""
    ids = [page.pk for page in pages]
    linking = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=[str(pk) for pk in ids],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    found = set(visible(Page.objects.filter(pk__in=[int(pk) for pk in linking])))
    for find in hooks.get_hooks(CITING_HOOK):
        found.update(find(pages))
    return [page for page in found if page.pk not in ids]


def affected_pages(events):
    """Every page whose HTML may show what the events changed."""
    page_ids = {event.page_id for event in events if event.page_id}
    changed = [page.specific for page in Page.objects.filter(pk__in=page_ids)]
    shown = visible(Page.objects.filter(pk__in=pages_showing(events)))  # a renamed field
    changed += [page.specific for page in shown if page.pk not in page_ids]
    pages = set(changed)
    for page in changed:
        pages.update(page.get_ancestors().filter(depth__gt=1))
        pages.update(page.get_translations())
    pages.update(citing_pages(changed))
    if any(not event.page_id for event in events):  # a snippet: menus, footers, home sections
        pages.update(site.root_page for site in Site.objects.select_related("root_page"))
    return pages


def urls_of(pages, addresses=()):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(addresses)
    return sorted(set(batch.urls))


def purge(urls):
    """Send the purge to every configured backend; raise PurgeFailed if any backend failed."""
    failures = _Failures()
    logger = logging.getLogger(WAGTAIL_LOGGER)
    logger.addHandler(failures)
    try:
        purge_urls_from_cache_task.call(urls)
    finally:
        logger.removeHandler(failures)
    if failures.messages:
        raise PurgeFailed("; ".join(failures.messages[:5]))


@register_consumer("frontend_cache")
def purge_changed_urls(events):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    # A deleted page, a moved page's old address: recorded with the event, since the tree no
    # longer leads to them.
    urls = urls_of(affected_pages(events), [url for event in events for url in event.urls])
    if urls:
        purge(urls)
