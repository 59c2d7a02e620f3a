"""Keeping the index true: search is a consumer of the content event log (portal.core
publishing). Each change to public content is an event; this consumer re-indexes the pages the
events name, in log order. An engine that is down makes the consumer fail: the log keeps its
position and retries with a growing delay (`manage.py content_events status` shows it), and
`manage.py search_index sync` repairs whatever drifted all the same.
"""

import datetime
import logging

from django_tasks import task

from django.utils import timezone

from wagtail.models import Page

from portal.core.publishing import Action, register_consumer
from portal.core.publishing.consumers import events_after
from portal.core.publishing.snippets import pages_showing
from portal.core.visibility import schedule_of

from .collect import documents_of_pages
from .engines import EngineUnavailable, IndexLost, get_engine

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
CONSUMER = "search"
# Events after which the pages below the page may have appeared or disappeared too.
_BRANCH_ACTIONS = {Action.UNPUBLISHED, Action.MOVED}


def pages_of(events):
    """The ids of the pages these events touch, with the descendants of a page that was
    unpublished, moved or had its view restriction changed, and the pages that show a term or
    setting an editor changed (a field's name in their facets)."""
    page_ids, branches = set(pages_showing(events)), set()
    for event in events:
        if event.page_id is None:
            continue
        page_ids.add(event.page_id)
        if event.action in _BRANCH_ACTIONS or "privacy" in event.changes:
            branches.add(event.page_id)
    for page in Page.objects.filter(pk__in=branches):
        page_ids.update(
            Page.objects.descendant_of(page, inclusive=False).values_list("pk", flat=True)
        )
    return sorted(page_ids)


@register_consumer(CONSUMER)
def follow_log(events):
    """Re-index the pages the events name; raises EngineUnavailable to be retried. An index
    found gone or damaged is rebuilt whole (with these events), never written into empty."""
    page_ids = pages_of(events)
    if page_ids:
        engine = get_engine()
        try:
            engine.replace_pages(page_ids, documents_of_pages(page_ids))
        except IndexLost as lost:
            from .repair import rebuild_lost

            rebuild_lost(engine, lost.reason)
        update_when_due(page_ids)


def update_when_due(page_ids):
    """A page that goes live or stops being public later (portal.core.visibility) is indexed
    again at that moment by the task worker, whether or not the `publish_scheduled` cron runs."""
    now = timezone.now()
    for page_id, times in schedule_of(page_ids).items():
        for when in times:
            if when and when > now:
                try:
                    update_pages.using(run_after=when).enqueue([page_id])
                except Exception:  # the immediate backend cannot delay (development)
                    logger.info(
                        "search: page %s is due at %s; `search_index sync` then", page_id, when
                    )


class Replay:
    """Follows the log from a position, for a rebuild: what was published while the new index
    was being built is written into it before the swap, and once more after it."""

    def __init__(self, position):
        self.position = position

    def apply(self, replace):
        """`replace(page_ids, documents)` for the pages changed since the last call."""
        while True:
            events = events_after(self.position)
            if not events:
                return
            page_ids = pages_of(events)
            if page_ids:
                replace(page_ids, documents_of_pages(page_ids))
            self.position = events[-1].id


def _retry(attempt, page_ids):
    if attempt + 1 >= MAX_ATTEMPTS:
        logger.error("search: giving up after %s attempts; run `search_index sync`", attempt + 1)
        return
    delay = datetime.timedelta(seconds=30 * 2**attempt)
    try:
        update_pages.using(run_after=timezone.now() + delay).enqueue(page_ids, attempt + 1)
    except Exception:  # the immediate backend cannot delay; the task backend may be down too
        logger.exception("search: could not enqueue a retry; run `search_index sync`")


@task()
def update_pages(page_ids: list[int], attempt: int = 0):
    """Replace everything indexed for these pages by their current documents (none if the page
    is gone or hidden from the public). For changes that are not content events."""
    try:
        get_engine().replace_pages(page_ids, documents_of_pages(page_ids))
    except EngineUnavailable as error:
        logger.warning("search: %s; will retry (attempt %s)", error, attempt + 1)
        _retry(attempt, page_ids)


def enqueue_update(page_ids):
    """Ask for an index update without ever failing the caller (an editor publishing)."""
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    try:
        update_pages.enqueue(page_ids)
    except Exception:
        logger.exception("search: could not enqueue an index update; run `search_index sync`")
