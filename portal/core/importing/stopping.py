"""Stopping an import on SIGTERM (a service manager stopping the host, `kill`): between two
lines, so the open transaction rolls back and the run's record says what was committed."""

import os
import signal
import threading
from contextlib import contextmanager


class Stopped(BaseException):
    """A SIGTERM during an import: unwinds the run so its record says interrupted at once."""


_sigterm = threading.Event()


def _note_sigterm(signum, frame):
    # Only noted here: raised in a handler, the exception could surface inside a Python SQL
    # function of SQLite's, which turns it into a failed line, and the import would go on.
    _sigterm.set()


@contextmanager
def stopped_by_sigterm():
    """While the block runs, SIGTERM (a service manager stopping the host, `kill`) stops it
    before its next line (stop_if_asked), so the open transaction rolls back and the run's
    record is written, then ends the process as the signal would have. Only the main thread
    can take a signal handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _sigterm.clear()
    previous = signal.signal(signal.SIGTERM, _note_sigterm)
    try:
        yield
    except Stopped:
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if _sigterm.is_set():
        # Asked to stop after the last line (while finishing): the run is complete and
        # recorded, and the process still ends as the signal asked.
        os.kill(os.getpid(), signal.SIGTERM)


def stop_if_asked():
    if _sigterm.is_set():
        raise Stopped
