"""The law's clocks (Law 104/2016/QH13 Art. 30) in working days of the editable calendar."""

import datetime

import pytest

from django.utils import timezone

from portal.core.models import PublicHoliday
from portal.information_requests import handling

from .conftest import REQUEST

pytestmark = pytest.mark.django_db
FRIDAY = datetime.date(2026, 4, 24)


def made_on(day):
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return handling.submit({**REQUEST, "received_at": noon})


def test_a_simple_request_made_on_a_friday_before_a_holiday_is_due_three_working_days_later():
    request = made_on(FRIDAY)
    # Received Friday 24/4/2026: the calendar's Monday 27 (Giỗ Tổ, taken that day), Thursday 30
    # and Friday 1/5 are holidays, so the third working day is Monday 4 May.
    assert request.due == datetime.date(2026, 5, 4)
    handling.classify(request, "simple")
    request.refresh_from_db()
    assert request.due == datetime.date(2026, 5, 4)


def test_the_calendar_is_read_when_the_request_arrives():
    PublicHoliday.objects.filter(date__range=(FRIDAY, datetime.date(2026, 5, 1))).delete()
    assert made_on(FRIDAY).due == datetime.date(2026, 4, 29)


def test_a_complex_request_gets_fifteen_working_days_then_one_extension_of_fifteen_days():
    request = made_on(FRIDAY)
    handling.classify(request, "complex")
    request.refresh_from_db()
    assert request.due == datetime.date(2026, 5, 20)

    handling.extend(request, "Cần ý kiến của Sở Tài chính.")
    request.refresh_from_db()
    # Art. 30(4): "tối đa không quá 15 ngày" – days, not working days.
    assert request.due == datetime.date(2026, 6, 4)
    with pytest.raises(handling.HandlingError) as error:
        handling.extend(request, "Lần nữa.")
    assert error.value.field == "reason"


def test_only_a_complex_request_may_be_extended():
    request = made_on(FRIDAY)
    handling.classify(request, "simple")
    with pytest.raises(handling.HandlingError) as error:
        handling.extend(request, "Cần thêm thời gian.")
    assert error.value.field == "complexity"
