"""Each agency's figures: received, answered on time, late, refused by ground; the demo has a
request in every status, one of them late."""

import datetime

import pytest

from django.utils import timezone

from portal.information_requests import handling
from portal.information_requests.demo import load
from portal.information_requests.figures import by_agency
from portal.information_requests.models import InformationRequest
from portal.statistics.dashboard import build_dashboard

from .conftest import REQUEST

pytestmark = pytest.mark.django_db


def test_figures_per_agency_count_on_time_late_and_refusals_by_ground(make_agency_site):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    old = timezone.now() - datetime.timedelta(days=30)
    handling.answer(handling.submit({**REQUEST, "site": hanoi}), "Trả lời.")
    handling.answer(handling.submit({**REQUEST, "site": hanoi, "received_at": old}), "Muộn.")
    handling.refuse(handling.submit({**REQUEST, "site": hanoi}), "art28-1c")
    handling.submit({**REQUEST, "site": hanoi, "received_at": old})

    figures = by_agency()[hanoi.site_name]
    assert figures["received"] == 4
    assert figures["answered_on_time"] == 1 and figures["answered_late"] == 1
    assert figures["open_overdue"] == 1
    assert figures["refused"]["art28-1c"] == 1 and figures["refused"]["art28-1a"] == 0

    tables = {table.id: table for table in build_dashboard({})["tables"]}
    [row] = tables["yeu-cau-cung-cap-thong-tin"].rows
    assert row == [hanoi.site_name, 4, 1, 1, 1, 0, 0, 1, 0, 0, 0]


def test_the_demo_has_every_status_and_one_late_request(home):
    load()
    load()  # a second run adds nothing
    requests = InformationRequest.objects.all()
    assert {request.status for request in requests} == {
        "received", "classified", "extended", "answered", "refused",
    }  # fmt: skip
    assert len(requests) == 6
    assert [request.overdue for request in requests].count(True) == 1


def test_the_compliance_dashboard_counts_each_agencys_requests_and_late_ones(
    client, make_agency_site
):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    old = timezone.now() - datetime.timedelta(days=30)
    handling.submit({**REQUEST, "site": hanoi})
    handling.submit({**REQUEST, "site": hanoi, "received_at": old})

    agencies = client.get("/tiep-can-thong-tin/danh-gia/", {"format": "json"}).json()["agencies"]
    row = next(row for row in agencies if row["url"].startswith(hanoi.root_url))
    assert (row["requests"], row["requests_late"]) == (2, 1)
    html = client.get("/tiep-can-thong-tin/danh-gia/", {"sort": "requests_late"}).content.decode()
    assert '<td data-label="Yêu cầu trả lời quá hạn">1</td>' in html
