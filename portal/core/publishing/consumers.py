"""The readers of the content event log. Each consumer keeps its own position, so one that was
down catches up, and one that raises is retried with a growing delay while the others go on.

A consumer registers a handler taking a list of events (in log order); when the handler returns,
its position moves past them. `manage.py content_events status` shows every consumer.
"""

import datetime
import logging
from dataclasses import dataclass

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from ..models import ConsumerState, ContentEvent

logger = logging.getLogger(__name__)
BATCH = 1000
# Event ids are given at insert and seen at commit: a missing id younger than this may belong to
# a transaction still running, and the reader waits for it; an older one was rolled back.
GAP_GRACE = datetime.timedelta(seconds=60)
MAX_DELAY = datetime.timedelta(hours=1)

_consumers = {}


def register_consumer(name):
    """Decorator: `handler(events)` reads the log as consumer `name`."""

    def decorator(handler):
        _consumers[name] = handler
        return handler

    return decorator


def consumers():
    return dict(_consumers)


def log_head():
    """The id of the latest event (0 on an empty log)."""
    last = ContentEvent.objects.order_by("-id").values_list("id", flat=True).first()
    return last or 0


def events_after(position, limit=BATCH, now=None):
    """The events after `position` a reader may take now: in id order, up to the first gap
    that a transaction still running may fill (a reader that never read takes what is there)."""
    now = now or timezone.now()
    events = list(ContentEvent.objects.filter(id__gt=position).order_by("id")[:limit])
    if position == 0:
        return events
    readable, expected = [], position + 1
    for event in events:
        if event.id != expected and now - event.timestamp < GAP_GRACE:
            break
        readable.append(event)
        expected = event.id + 1
    return readable


def retry_delay(attempts):
    return min(datetime.timedelta(seconds=15 * 2 ** max(0, attempts - 1)), MAX_DELAY)


@dataclass
class Outcome:
    name: str
    read: int = 0
    error: str = ""
    waiting: bool = False  # held back by its retry delay


def run_consumer(name, now=None):
    """Let one consumer read what it has not read; returns what happened."""
    handler = _consumers[name]
    now = now or timezone.now()
    outcome = Outcome(name)
    ConsumerState.objects.get_or_create(name=name)
    while True:
        with transaction.atomic():
            state = ConsumerState.objects.select_for_update().get(name=name)
            if state.retry_at and state.retry_at > now:
                outcome.waiting = True
                return outcome
            events = events_after(state.position)
            if not events:
                _wait_for_gap(state.position)
                return outcome
            try:
                with transaction.atomic():
                    handler(events)
            except Exception as error:  # a consumer's failure must not stop the others
                state.attempts += 1
                state.last_error = f"{type(error).__name__}: {error}"[:2000]
                state.retry_at = now + retry_delay(state.attempts)
                state.save()
                logger.warning(
                    "content events: consumer %s failed (attempt %s), retry at %s",
                    name,
                    state.attempts,
                    state.retry_at.isoformat(),
                )
                outcome.error = state.last_error
                _schedule_retry(state.retry_at)
                return outcome
            state.position = events[-1].id
            state.attempts = 0
            state.last_error = ""
            state.retry_at = None
            state.save()
            outcome.read += len(events)


def run_consumers(names=None, now=None):
    return [run_consumer(name, now) for name in (names or sorted(_consumers))]


@task()
def process_content_events():
    """Every consumer reads what it has not read yet."""
    run_consumers()


def _schedule_retry(when):
    try:
        process_content_events.using(run_after=when).enqueue()
    except Exception:  # the immediate backend cannot delay: the next change or the cron retries
        logger.info("content events: retry left to the next run")


def _wait_for_gap(position):
    """Events wait behind a gap that a running transaction may still fill: come back when the
    gap counts as rolled back."""
    later = ContentEvent.objects.filter(id__gt=position).order_by("id").first()
    if later is not None:
        _schedule_retry(later.timestamp + GAP_GRACE)


def wake_consumers():
    """Ask for a consumer run without ever failing the caller (an editor publishing)."""
    try:
        process_content_events.enqueue()
    except Exception:
        logger.exception("content events: could not enqueue; run `content_events process`")
