"""Deadlines in working days: Saturdays, Sundays and the public holidays of the editable
calendar (PublicHoliday, Tết included) are not working days (Labour Code Art. 112; LAW.md).

The holidays are read once per content version (an edit of the calendar is a snippet edit, so
it is seen at once) and the functions take them as a set, so a listing computes many deadlines
with one query."""

import datetime

from .content_cache import remembered
from .models import PublicHoliday

SATURDAY = 5


def holidays():
    """The dates of the calendar's public holidays."""
    return remembered(
        ("public_holidays",),
        lambda: frozenset(PublicHoliday.objects.values_list("date", flat=True)),
    )


def is_working_day(day, off=None):
    off = holidays() if off is None else off
    return day.weekday() < SATURDAY and day not in off


def add_working_days(start, count, off=None):
    """The `count`-th working day after `start` (the day of receipt is not counted)."""
    off = holidays() if off is None else off
    day = start
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            count -= 1
    return day


def last_working_day(today, off=None):
    """`today` if it is a working day, else the working day before it: a deadline before this
    day has passed by at least one working day (what working_days_after counts), as a filter."""
    off = holidays() if off is None else off
    day = today
    while not is_working_day(day, off):
        day -= datetime.timedelta(days=1)
    return day


def working_days_after(deadline, today, off=None):
    """Working days from the day after `deadline` up to `today` included: how many working days
    a case is overdue (0 on or before its deadline)."""
    off = holidays() if off is None else off
    days, day = 0, deadline
    while day < today:
        day += datetime.timedelta(days=1)
        days += is_working_day(day, off)
    return days
