"""The deadline mails run every morning on the background worker once booked: a report due soon
is reminded once, however often the run comes or is booked (real SMTP, real db_worker)."""

from email import message_from_string
from email.policy import default

import pytest
from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.utils import timezone

from portal.core.working_days import add_working_days
from portal.engagement.deadline_schedule import REMINDER_HOUR
from portal.engagement.factories import ReportFactory


def waiting_runs():
    return DBTaskResult.objects.filter(task_path__endswith="daily_report_deadlines", status="READY")


# Committed for real: the worker reads the booked run from the database (as tests/core/test_email).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_booked_daily_run_reminds_the_staff_once_not_twice(mail_through, home, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handler = User.objects.create_user("xu-ly", "xu-ly@example.gov.vn", "mat-khau-dai-1")
    handler.user_permissions.add(Permission.objects.get(codename="change_report"))
    soon = ReportFactory(deadline=add_working_days(timezone.localdate(), 1))

    call_command("report_deadlines", "--schedule")
    call_command("report_deadlines", "--schedule")  # booked twice: one run
    (run,) = waiting_runs()
    assert run.run_after > timezone.now()
    assert timezone.localtime(run.run_after).hour == REMINDER_HOUR

    for _morning in range(2):  # the morning comes (twice: the run books the next one)
        waiting_runs().update(run_after=timezone.now())
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    subjects = [
        message_from_string(m["data"], policy=default)["Subject"] for m in mail_through.messages
    ]
    assert [s for s in subjects if soon.code in s and "sắp đến hạn" in s] == [subjects[0]]
    assert len(subjects) == 1
    (tomorrow,) = waiting_runs()
    assert tomorrow.run_after > timezone.now()
