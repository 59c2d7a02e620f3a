"""Is the background work keeping up? The task worker (`db_worker`) says it is alive every
HEARTBEAT_SECONDS through the shared cache; /readyz asks `worker_status()` and
`consumers_status()` and names the worker when it has not been seen while tasks wait, and the
content-event consumers that have fallen behind.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

SEEN_KEY = "background:worker-seen"
HEARTBEAT_SECONDS = 15


class Lagging(Exception):
    """Background work that is not keeping up; the message says what."""


def worker_seen():
    """Called by the worker: it is alive now."""
    cache.set(SEEN_KEY, timezone.now().timestamp(), timeout=None)


def uses_worker():
    backend = settings.TASKS["default"]["BACKEND"]
    return backend == "django_tasks_db.DatabaseBackend"


def worker_status(now=None):
    """{"last_seen_seconds": …, "waiting_tasks": …}; raises Lagging when no worker has been seen
    for READYZ_WORKER_SILENCE seconds while a task has waited that long."""
    if not uses_worker():
        return {"backend": "immediate"}
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    silence = datetime.timedelta(seconds=settings.READYZ_WORKER_SILENCE)
    seen = cache.get(SEEN_KEY)
    seen_ago = None if seen is None else int(now.timestamp() - seen)
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    status = {"last_seen_seconds": seen_ago, "waiting_tasks": ready.count()}
    unseen = seen_ago is None or seen_ago > silence.total_seconds()
    if unseen and oldest and now - oldest > silence:
        who = "no worker seen" if seen_ago is None else f"no worker seen for {seen_ago} s"
        waited = int((now - oldest).total_seconds())
        raise Lagging(f"{who}; {status['waiting_tasks']} tasks waiting, the oldest {waited} s")
    return status


def consumers_status(now=None):
    """{consumer: events behind}; raises Lagging naming the consumers whose first unread event
    is older than READYZ_CONSUMER_LAG seconds."""
    from .models import ConsumerState, ContentEvent
    from .publishing.consumers import consumers, log_head

    now = now or timezone.now()
    lag = datetime.timedelta(seconds=settings.READYZ_CONSUMER_LAG)
    head = log_head()
    positions = dict(ConsumerState.objects.values_list("name", "position"))
    behind, late = {}, []
    for name in sorted(consumers()):
        position = positions.get(name, 0)
        if head <= position:
            behind[name] = 0
            continue
        # Counted, not head - position: ids have gaps (PostgreSQL keeps a sequence value a
        # rolled-back transaction took).
        unread = ContentEvent.objects.filter(id__gt=position).order_by("id")
        behind[name] = unread.count()
        first = unread.values_list("timestamp", flat=True).first()
        if first is not None and now - first > lag:
            late.append(f"{name} ({behind[name]} events behind)")
    if late:
        raise Lagging(f"behind the content log: {', '.join(late)}")
    return {"behind": behind}
