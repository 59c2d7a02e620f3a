"""The national index's indicators on a small set computed by hand, including rates whose
denominator is zero (no data, never 0 %), and stocks read at the first and last month."""

import datetime

import pytest

from portal.statistics.indicators import indicators
from portal.statistics.query import answer, build

from .conftest import line

pytestmark = pytest.mark.django_db

HANOI = "Sở Nông nghiệp và Môi trường Hà Nội"
HUE = "Sở Nông nghiệp và Môi trường Huế"


@pytest.fixture
def figures(import_lines):
    report = import_lines(
        [
            line(period="2025-01", received=100, carried_over=10, resolved_on_time=90,
                 resolved_late=5, pending_on_time=12, pending_overdue=3, received_online=60,
                 fully_online=30, results_online=50, surveyed=20, satisfied=18),
            line(period="2025-02", received=50, carried_over=15, resolved_on_time=40,
                 resolved_late=10, pending_on_time=10, pending_overdue=5, received_online=40,
                 fully_online=20, results_online=25, surveyed=10, satisfied=9),
            line(agency=HUE, province="Huế", period="2025-02", received=0),
        ]
    )  # fmt: skip
    assert report.ok, report.errors


def ask(**filters):
    return answer(build(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 2, 1), **filters))


def test_indicators_over_two_months_at_one_agency(figures):
    result = ask(agency="so-nong-nghiep-va-moi-truong-ha-noi")

    assert result["totals"]["received"] == 150
    assert result["totals"]["carried_over"] == 10  # into January, the first month
    assert result["totals"]["pending_overdue"] == 5  # at the end of February, the last month
    assert result["indicators"] == {
        "on_time_rate": round(100 * 130 / 145, 2),  # 89.66
        "overdue": 15 + 5,  # resolved late, plus pending overdue at the end
        "overdue_rate": round(100 * 20 / (145 + 15), 2),
        "online_rate": round(100 * 100 / 150, 2),
        "fully_online_rate": round(100 * 50 / 150, 2),
        "online_results_rate": round(100 * 75 / 145, 2),
        "satisfaction_rate": round(100 * 27 / 30, 2),
        "volume": 150,
    }


def test_an_agency_with_nothing_received_has_no_rates_rather_than_zero(figures):
    result = ask(agency="so-nong-nghiep-va-moi-truong-hue")

    assert result["indicators"]["on_time_rate"] is None
    assert result["indicators"]["online_rate"] is None
    assert result["indicators"]["satisfaction_rate"] is None
    assert result["indicators"]["overdue"] == 0
    assert result["empty"]


def test_a_province_and_the_whole_ministry(figures):
    assert ask(province="Hà Nội")["totals"]["received"] == 150
    assert ask()["totals"]["received"] == 150
    assert ask(province="Huế")["totals"]["received"] == 0


def test_zero_denominators_give_none():
    counts = dict.fromkeys(
        [
            "received", "carried_over", "resolved_on_time", "resolved_late", "pending_on_time",
            "pending_overdue", "received_online", "fully_online", "results_online", "surveyed",
            "satisfied",
        ],
        0,
    )  # fmt: skip

    figures = indicators(counts)

    assert {name for name, value in figures.items() if value is None} == {
        "on_time_rate",
        "overdue_rate",
        "online_rate",
        "fully_online_rate",
        "online_results_rate",
        "satisfaction_rate",
    }
    assert figures["volume"] == 0
