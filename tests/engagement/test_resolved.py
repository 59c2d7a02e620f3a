"""Resolved reports on a public list and an inline SVG map: anonymised (points rounded to about a
kilometre), drawn by the server with no tile service, and never a report marked private."""

import re
from decimal import Decimal

from django.urls import reverse

from portal.engagement import handling
from portal.engagement.factories import ReportFactory


def resolve(**fields):
    report = ReportFactory(**fields)
    handling.change_status(report, "resolved", note="Đã xử lý xong.")
    return report


def map_of(page):
    match = re.search(r"<svg.*?</svg>", page, re.S)
    return match.group(0) if match else None


def test_resolved_reports_with_a_place_are_plotted_rounded(client, home):
    resolve(
        province="Thành phố Hồ Chí Minh",
        commune="Quận 1",
        latitude=Decimal("10.776543"),
        longitude=Decimal("106.700123"),
    )
    resolve(province="Hà Nội", latitude=Decimal("21.028511"), longitude=Decimal("105.804817"))
    resolve(province="Huế")  # no place given: listed, not plotted
    ReportFactory(latitude=Decimal("16.05"), longitude=Decimal("108.2"))  # not resolved

    page = client.get(reverse("engagement:resolved")).content.decode()

    svg = map_of(page)
    assert svg is not None and 'role="img"' in svg
    points = {
        title.split(" — ")[1].split(",")[0]: (float(x), float(y))
        for x, y, title in re.findall(
            r'<circle[^>]*cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>([^<]*)</title>', svg
        )
    }
    assert points.keys() == {"Thành phố Hồ Chí Minh", "Hà Nội"}
    # Ha Noi is north (smaller y) and west (smaller x) of Ho Chi Minh City.
    (hcm_x, hcm_y), (hanoi_x, hanoi_y) = points["Thành phố Hồ Chí Minh"], points["Hà Nội"]
    assert hanoi_y < hcm_y and hanoi_x < hcm_x
    assert "10.78, 106.70" in page and "10.776543" not in page and "106.700123" not in page
    assert "Huế" in page
    assert not re.search(r"(src|href)=\"https?://", svg), "no external tile or script"


def test_without_places_there_is_no_map_only_the_list(client, home):
    resolve(commune="Biên Hòa")
    page = client.get(reverse("engagement:resolved")).content.decode()
    assert map_of(page) is None and "Biên Hòa" in page


def test_a_point_outside_the_country_is_listed_but_not_drawn(client, home):
    resolve(latitude=Decimal("48.85"), longitude=Decimal("2.35"))
    page = client.get(reverse("engagement:resolved")).content.decode()
    assert map_of(page) is None


def test_a_report_marked_not_to_be_published_is_neither_listed_nor_drawn(client, home):
    resolve(
        commune="Huyện Kín",
        publishable=False,
        latitude=Decimal("16.05"),
        longitude=Decimal("108.2"),
    )
    page = client.get(reverse("engagement:resolved")).content.decode()
    assert "Huyện Kín" not in page and map_of(page) is None
