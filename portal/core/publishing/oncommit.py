"""Run a callback once per outermost transaction, however many changes ask for it."""

from django.db import DEFAULT_DB_ALIAS, connections


class OncePerTransaction:
    """The on_commit callback of one transaction, collecting what it will send."""

    def __init__(self, send):
        self.send = send
        self.items = set()
        self.done = False
        self.seen_in = None  # the connection's run_on_commit list it was last found in

    def __call__(self):
        self.done = True
        self.send(self.items)

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


def after_commit(name, send, items, using=DEFAULT_DB_ALIAS):
    """Call `send(set of items)` once the current transaction commits (at once outside one);
    every call naming `name` in the same transaction adds to the same set."""
    connection = connections[using]
    if not connection.in_atomic_block:
        send(set(items))
        return
    attribute = f"_after_commit_{name}"
    pending = getattr(connection, attribute, None)
    if pending is None or not pending.registered_on(connection):
        pending = OncePerTransaction(send)
        setattr(connection, attribute, pending)
        connection.on_commit(pending)
        pending.seen_in = connection.run_on_commit
    pending.items.update(items)


def flush_pending(name, using=DEFAULT_DB_ALIAS):
    """Send what `name` collected now (tests: a test's transaction never commits)."""
    connection = connections[using]
    pending = getattr(connection, f"_after_commit_{name}", None)
    if pending is not None and pending.registered_on(connection):
        pending()
