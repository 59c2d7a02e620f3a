"""Month arithmetic on first days of months (no Django: the benchmark's generator uses it)."""

import datetime


def current_month():
    return datetime.date.today().replace(day=1)


def is_provisional(month):
    """The current month is not over: its figures are provisional until it is."""
    return month >= current_month()


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
