"""Month arithmetic on first days of months (no Django: the benchmark's generator uses it)."""

import datetime


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
