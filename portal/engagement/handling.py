"""Staff handling of reports: each change of status is a dated step with a public note."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .choices import REPORT_CLOSED, ReportStatus
from .models import Report, StatusChange


class HandlingError(ValueError):
    pass


@transaction.atomic
def change_status(report, status, note="", user=None, agency=None, site=None):
    """A new step of the report. Transferring names the competent agency, or the portal (a
    Wagtail site) of the provincial agency the report now belongs to."""
    if status not in ReportStatus.values:
        raise HandlingError(_("Trạng thái không hợp lệ."))
    if status == ReportStatus.REJECTED and not note.strip():
        raise HandlingError(_("Cần ghi lý do không tiếp nhận."))
    if status == ReportStatus.TRANSFERRED and agency is None and site is None:
        raise HandlingError(_("Cần chọn cơ quan có thẩm quyền được chuyển đến."))
    report.status = status
    if agency is not None:
        report.agency = agency
        note = note or agency.name
    if site is not None:
        report.transferred_to_site = report.site = site
        note = note or site.site_name or site.hostname
    report.closed_at = timezone.now() if status in REPORT_CLOSED else None
    report.save(update_fields=["status", "agency", "transferred_to_site", "site", "closed_at"])
    step = StatusChange.objects.create(report=report, status=status, note=note, user=user)
    notifications.notify(report, step)
    return step


def overdue():
    return Report.objects.exclude(status__in=REPORT_CLOSED).filter(
        deadline__lt=timezone.localdate()
    )
