"""The daily run of the deadline mails (deadlines.send_reminders) on the background worker, the
portal's task mechanism (django-tasks, `db_worker`): each run sends what is due, then books the
next one for the next morning at REMINDER_HOUR, local time.

`manage.py report_deadlines --schedule` books the first run (compose's setup service does it);
booking when a run is already waiting does nothing, so it is safe to repeat. Without a worker
(the immediate backend cannot run a task later), cron runs `manage.py report_deadlines` daily.
Either way a report is reminded once and told once: send_reminders records each mail sent.
"""

import datetime
import logging

from django_tasks import task

from django.utils import timezone

from portal.core.background import uses_worker

from .deadlines import send_reminders

logger = logging.getLogger(__name__)
REMINDER_HOUR = 7  # local time: before the working day starts


def next_run(now=None):
    """The next REMINDER_HOUR o'clock after `now`, as an aware datetime."""
    now = timezone.localtime(now or timezone.now())
    run = now.replace(hour=REMINDER_HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


def booked():
    """Whether a run is already waiting for the worker."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=daily_report_deadlines.module_path, status=TaskResultStatus.READY
    ).exists()


def book_next_run(now=None):
    """Book the next daily run unless one is waiting; the time booked, or None."""
    if not uses_worker():
        logger.info("report deadlines: no worker; run `manage.py report_deadlines` from cron")
        return None
    if booked():
        return None
    when = next_run(now)
    daily_report_deadlines.using(run_after=when).enqueue()
    return when


@task()
def daily_report_deadlines():
    reminded, notified = send_reminders()
    logger.info("report deadlines: %s reminders, %s overdue notices sent", reminded, notified)
    book_next_run()
