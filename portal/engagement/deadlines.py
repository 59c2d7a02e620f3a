"""Reports' deadlines for the staff: the admin home's overdue counts per agency, and the emails
that remind the staff who handle reports of a deadline coming (DUE_SOON working days before)
and tell them when one has passed (`manage.py report_deadlines`, run daily). Each is sent once
per report, recorded on the report; one not sent is tried again. The emails name the code, the
category and the deadline, never the sender."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.public_url import absolute
from portal.core.working_days import add_working_days

from .choices import REPORT_CLOSED
from .models import Report

logger = logging.getLogger(__name__)
DUE_SOON = 2  # working days before the deadline


def open_reports():
    return Report.objects.exclude(status__in=REPORT_CLOSED)


def overdue_by_agency(today=None):
    """[(agency name or "", count)] of open reports past their deadline, most first."""
    today = today or timezone.localdate()
    rows = (
        open_reports()
        .filter(deadline__lt=today)
        .values("agency__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "agency__name")
    )
    return [(row["agency__name"] or "", row["count"]) for row in rows]


def staff_addresses():
    """The addresses of the active staff who handle reports (may change them)."""
    users = get_user_model().objects.with_perm(
        "engagement.change_report", backend="django.contrib.auth.backends.ModelBackend"
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _notify(reports, subject, sent_field, recipients):
    """Mail each report's notice (`subject` % code and deadline) and record it in `sent_field`;
    how many were sent."""
    sent = 0
    for report in reports.filter(**{sent_field: None}):
        values = {"code": report.code, "deadline": report.deadline.strftime("%d/%m/%Y")}
        link = absolute(reverse("wagtailsnippets_engagement_report:edit", args=[report.pk]))
        text = f"{report.get_category_display()}\n\n{link}\n"
        try:
            send_mail(subject % values, text, None, recipients)
        except OSError:
            logger.warning("report deadlines: mail for %s not sent", report.code)
            continue
        Report.objects.filter(pk=report.pk).update(**{sent_field: timezone.now()})
        sent += 1
    return sent


def send_reminders(today=None):
    """(reminders sent, overdue notices sent) for the open reports that need one today."""
    today = today or timezone.localdate()
    recipients = staff_addresses()
    if not recipients:
        return 0, 0
    soon = open_reports().filter(
        deadline__gte=today, deadline__lte=add_working_days(today, DUE_SOON)
    )
    late = open_reports().filter(deadline__lt=today)
    return (
        _notify(
            soon, _("Phản ánh %(code)s sắp đến hạn xử lý (%(deadline)s)"), "reminded_at", recipients
        ),
        _notify(
            late,
            _("Phản ánh %(code)s đã quá hạn xử lý (hạn %(deadline)s)"),
            "overdue_notice_at",
            recipients,
        ),
    )
