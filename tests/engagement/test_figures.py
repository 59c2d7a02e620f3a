"""Figures for the statistics pages: counts by kind, category, province, status and month, and
the median time to answer."""

import datetime

from django.utils import timezone

from portal.engagement.factories import QuestionFactory, ReportFactory
from portal.engagement.figures import figures


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9))


def test_counts_and_median_time_to_answer(home):
    QuestionFactory(created_at=at(2026, 1, 5), answered_at=at(2026, 1, 7), status="answered")
    QuestionFactory(created_at=at(2026, 1, 10), answered_at=at(2026, 1, 20), status="answered")
    QuestionFactory(created_at=at(2026, 2, 1), answered_at=at(2026, 2, 5), status="answered")
    QuestionFactory(created_at=at(2026, 2, 3), province="Huế")
    ReportFactory(created_at=at(2026, 1, 2), category="air", status="resolved")
    ReportFactory(created_at=at(2026, 3, 2), category="air")
    ReportFactory(created_at=at(2026, 3, 9), category="sand", province="An Giang")

    result = figures()
    assert result["by_kind"] == {"question": 4, "report": 3}
    assert result["questions"]["by_status"] == {"answered": 3, "received": 1}
    assert result["questions"]["by_province"] == {"Huế": 1, "Hà Nội": 3}
    assert result["questions"]["by_month"] == {"2026-01": 2, "2026-02": 2}
    assert result["questions"]["median_days_to_answer"] == 4.0
    assert result["reports"]["by_category"] == {"air": 2, "sand": 1}
    assert result["reports"]["by_status"] == {"received": 2, "resolved": 1}
    assert result["reports"]["by_province"] == {"An Giang": 1, "Đồng Nai": 2}
    assert figures(date_from=datetime.date(2026, 3, 1))["by_kind"] == {"question": 0, "report": 2}
