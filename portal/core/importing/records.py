"""The record of an import run while it runs and after it stops.

A run saves its counts with every transaction it commits, with the time, its host and process
id. A run that is killed (SIGKILL, a lost machine) cannot say so: a record left unfinished is
interrupted once its process is gone (same host) or it has written nothing for STALE (another
host); `close_interrupted()` writes that down, and every import run calls it as it starts.
"""

import datetime
import os
import socket

from django.utils import timezone

STALE = datetime.timedelta(hours=1)


def this_process():
    return {"host": socket.gethostname(), "pid": os.getpid()}


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _gone(record, now):
    if record.host == socket.gethostname() and record.pid:
        if record.pid == os.getpid():
            return False
        return not _alive(record.pid)
    return now - (record.progress_at or record.started_at) > STALE


def state_of(record, now=None):
    if record.interrupted:
        return "interrupted"
    if record.finished_at:
        return "finished"
    return "interrupted" if _gone(record, now or timezone.now()) else "running"


def close_interrupted(now=None):
    """Mark the unfinished runs whose process is gone as interrupted; returns how many."""
    from ..models import ImportRun

    now = now or timezone.now()
    closed = 0
    for record in ImportRun.objects.filter(finished_at__isnull=True, interrupted=False):
        if _gone(record, now):
            record.interrupted = True
            record.finished_at = record.progress_at or record.started_at
            record.save(update_fields=["interrupted", "finished_at"])
            closed += 1
    return closed
