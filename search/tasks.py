"""Background tasks that keep the index true.

An engine that is down never blocks publishing: errors are logged and the task is enqueued again
with a growing delay, a few times; after that `manage.py search_index sync` repairs the drift.
"""

import datetime
import logging

from django_tasks import task

from django.utils import timezone

from wagtail.models import Page

from .collect import documents_for
from .engines import EngineUnavailable, get_engine

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


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
    is gone, unpublished, private or not searchable)."""
    pages = Page.objects.filter(pk__in=page_ids)
    documents = [doc for page in pages for doc in documents_for(page)]
    try:
        get_engine().replace_pages(page_ids, documents)
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
