"""Index updates, coalesced per transaction.

Every page touched inside one outermost transaction goes into a single pending set, flushed by
one `on_commit` callback as one index update: an import committing 500 lines at a time makes
one update per batch, not one per page. Outside a transaction the update is asked for at once.

A rolled-back transaction (or savepoint) discards the callback it registered; the pending set
that callback owned is then dropped too, so the next change starts a fresh set with its own
callback and nothing touched after a rollback is lost (portal.core.publishing.oncommit).
"""

from django.db import DEFAULT_DB_ALIAS

from portal.core.publishing.oncommit import after_commit

from .tasks import enqueue_update

PENDING = "search_pages"


def pages_changed(page_ids, using=DEFAULT_DB_ALIAS):
    """Re-index these pages once the current transaction commits (at once outside one)."""
    page_ids = [int(pk) for pk in page_ids if pk is not None]
    if page_ids:
        after_commit(PENDING, enqueue_update, page_ids, using=using)
