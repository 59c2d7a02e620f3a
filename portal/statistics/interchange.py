"""The `processing` line of the interchange format (DESIGN §7) and the checks that need more
than one field."""

import datetime
import re
from typing import Annotated

from pydantic import Field as Constraint

from portal.core.importing import LineError, Record
from portal.core.importing.base import NonEmptyStr

Count = Annotated[int, Constraint(ge=0)]
PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


class ProcessingRecord(Record):
    procedure: NonEmptyStr
    agency: NonEmptyStr
    period: NonEmptyStr
    province: str = ""
    received: Count
    carried_over: Count = 0
    resolved_on_time: Count = 0
    resolved_late: Count = 0
    pending_on_time: Count = 0
    pending_overdue: Count = 0
    received_online: Count = 0
    fully_online: Count = 0
    results_online: Count = 0
    surveyed: Count = 0
    satisfied: Count = 0


def parse_month(text, field="period"):
    """The first day of a `YYYY-MM` month, or LineError."""
    match = PERIOD.match(text)
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1900:
        raise LineError(field, f"{text!r} is not a month (YYYY-MM, e.g. 2025-10)")
    return datetime.date(int(match[1]), int(match[2]), 1)


# (part, whole): a part may not exceed its whole.
BOUNDS = (
    ("received_online", "received"),
    ("fully_online", "received_online"),
    ("satisfied", "surveyed"),
)


def check(record, today=None):
    """The period as a date, after the checks that read several fields (LineError)."""
    period = parse_month(record.period)
    today = today or datetime.date.today()
    if period > today.replace(day=1):
        raise LineError("period", f"{record.period} is in the future")
    resolved = record.resolved_on_time + record.resolved_late
    available = record.received + record.carried_over
    if resolved > available:
        raise LineError(
            "resolved_on_time",
            f"resolved_on_time + resolved_late ({resolved}) exceeds "
            f"received + carried_over ({available})",
        )
    for part, whole in BOUNDS:
        if getattr(record, part) > getattr(record, whole):
            raise LineError(
                part, f"{getattr(record, part)} exceeds {whole} ({getattr(record, whole)})"
            )
    if record.results_online > resolved:
        raise LineError("results_online", f"{record.results_online} exceeds resolved ({resolved})")
    return period
