"""Each agency's figures on requests for information: received, answered on time, answered late,
still open past their due date, refused by ground (Law 104/2016/QH13 Art. 28(1)). Plain data,
no personal data; shown on the national statistics dashboard and, per site, on the disclosure
compliance dashboard (wagtail_hooks)."""

from collections import defaultdict

from .choices import RefusalGround, Status
from .models import InformationRequest


def _empty():
    return {
        "received": 0,
        "answered_on_time": 0,
        "answered_late": 0,
        "open_overdue": 0,
        "refused": {ground: 0 for ground in RefusalGround.values},
    }


def _count(row, request):
    row["received"] += 1
    if request.status == Status.ANSWERED:
        row["answered_late" if request.overdue else "answered_on_time"] += 1
    elif request.status == Status.REFUSED:
        row["refused"][request.refusal_ground] += 1
    elif request.overdue:
        row["open_overdue"] += 1


def by_agency(date_from=None, date_to=None):
    """{agency (its site's name): figures} for the requests received in the period."""
    requests = InformationRequest.objects.select_related("site")
    if date_from:
        requests = requests.filter(created_at__date__gte=date_from)
    if date_to:
        requests = requests.filter(created_at__date__lte=date_to)
    found = defaultdict(_empty)
    for request in requests:
        _count(found[request.site.site_name if request.site else ""], request)
    return dict(sorted(found.items()))


def of_site(site):
    """The figures of every request made on `site` (the compliance dashboard's row)."""
    row = _empty()
    for request in InformationRequest.objects.filter(site=site):
        _count(row, request)
    return row
