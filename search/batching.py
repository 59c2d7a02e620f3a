"""Index updates, coalesced per transaction.

Every page touched inside one outermost transaction goes into a single pending set, flushed by
one `on_commit` callback as one index update: an import committing 500 lines at a time makes
one update per batch, not one per page. Outside a transaction the update is asked for at once.

A rolled-back transaction (or savepoint) discards the callback it registered; the pending set
that callback owned is then dropped too, so the next change starts a fresh set with its own
callback and nothing touched after a rollback is lost.
"""

from django.db import DEFAULT_DB_ALIAS, connections

from .tasks import enqueue_update


class _Flush:
    """The on_commit callback of one transaction and the page ids it will send."""

    def __init__(self):
        self.page_ids = set()
        self.done = False
        self.seen_in = None  # the connection's run_on_commit list it was last found in

    def __call__(self):
        self.done = True
        enqueue_update(self.page_ids)

    def registered_on(self, connection):
        """Still waiting for the commit: not run and not discarded by a rollback.

        Django replaces `run_on_commit` by a new list whenever it drops callbacks (rollback,
        savepoint rollback, commit), so the same list object means nothing was dropped."""
        if self.done:
            return False
        hooks = connection.run_on_commit
        if hooks is self.seen_in:
            return True
        if any(func is self for _sids, func, _robust in hooks):
            self.seen_in = hooks
            return True
        return False


def pages_changed(page_ids, using=DEFAULT_DB_ALIAS):
    """Re-index these pages once the current transaction commits (at once outside one)."""
    page_ids = [int(pk) for pk in page_ids if pk is not None]
    if not page_ids:
        return
    connection = connections[using]
    if not connection.in_atomic_block:
        enqueue_update(page_ids)
        return
    flush = getattr(connection, "_search_flush", None)
    if flush is None or not flush.registered_on(connection):
        flush = connection._search_flush = _Flush()
        connection.on_commit(flush)
        flush.seen_in = connection.run_on_commit
    flush.page_ids.update(page_ids)
