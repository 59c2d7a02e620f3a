"""The staff's view of the clocks: open requests by due date and the overdue ones per agency,
each desk seeing only its own agency's (portal/engagement/ownership.py)."""

from django.utils import timezone

from portal.core.working_days import last_working_day
from portal.engagement.ownership import cases_for

from .choices import CLOSED
from .models import InformationRequest


def open_requests(user):
    requests = InformationRequest.objects.exclude(status__in=CLOSED).select_related("site")
    return cases_for(user, requests).order_by("due", "created_at")


def overdue(queryset):
    """The open requests past their due date by at least one working day, as the register and
    the figures count them (InformationRequest.overdue)."""
    return queryset.exclude(status__in=CLOSED).filter(
        due__lt=last_working_day(timezone.localdate())
    )


def by_agency(user):
    """[(agency, open, overdue, [open requests])], agencies with overdue requests first."""
    groups = {}
    for request in open_requests(user):
        name = request.site.site_name if request.site else ""
        groups.setdefault(name, []).append(request)
    rows = [
        (name, len(items), sum(item.overdue for item in items), items)
        for name, items in groups.items()
    ]
    return sorted(rows, key=lambda row: (-row[2], row[0]))
