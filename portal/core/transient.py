"""Database errors that pass: a lock another writer holds (SQLite has one write lock for the
whole database), a deadlock or serialisation failure, a connection the server dropped. Code
that can repeat what it did waits and tries again instead of failing.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, transaction

logger = logging.getLogger(__name__)

TRANSIENT_MESSAGES = (
    "database is locked",
    "database table is locked",
    "deadlock detected",
    "could not serialize access",
    "lock timeout",
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "connection is closed",
    "could not connect",
    "the connection is lost",
)
FIRST_DELAY = 0.5
MAX_DELAY = 30.0
BEGIN_ATTEMPTS = 10  # with the 30 s busy timeout of SQLite, several minutes of waiting


def is_transient(error):
    if isinstance(error, InterfaceError):
        return True
    message = str(error).lower()
    return isinstance(error, OperationalError) and any(m in message for m in TRANSIENT_MESSAGES)


def delays(first=FIRST_DELAY, most=MAX_DELAY):
    """0.5, 1, 2, 4 … seconds, at most `most`."""
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, most)


def in_transaction(function, *args, attempts=BEGIN_ATTEMPTS, **kwargs):
    """`function(*args, **kwargs)` in a transaction. When the database refuses to begin it
    (SQLite: the write lock stayed taken for the whole busy timeout), wait and begin again:
    nothing was done yet, so trying again is safe. An error once the transaction has begun is
    raised as is."""
    waits = delays()
    for attempt in range(1, attempts + 1):
        began = False
        try:
            with transaction.atomic():
                began = True
                return function(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            if began or attempt == attempts or not is_transient(error):
                raise
            delay = next(waits)
            logger.warning(
                "database busy (%s): trying again in %.1f s (attempt %s of %s)",
                error,
                delay,
                attempt,
                attempts,
            )
            time.sleep(delay)
