"""The indicators of the national index of service quality, from summed counts.

Flows (received, resolved, online…) add up over months; stocks are read at a month: the dossiers
carried over into the first month of a period, the dossiers pending at the end of its last.
A rate whose denominator is zero is None ("no data"), never 0 %.
"""

from .models import CLOSING_STOCKS, COUNTS, OPENING_STOCKS

INDICATORS = (
    "on_time_rate",
    "overdue",
    "overdue_rate",
    "online_rate",
    "fully_online_rate",
    "online_results_rate",
    "satisfaction_rate",
    "volume",
)


def _rate(part, whole):
    return round(100 * part / whole, 2) if whole else None


def indicators(counts):
    """The indicators of one set of summed counts (a dict holding every name of COUNTS)."""
    resolved = counts["resolved_on_time"] + counts["resolved_late"]
    pending = counts["pending_on_time"] + counts["pending_overdue"]
    overdue = counts["resolved_late"] + counts["pending_overdue"]
    return {
        # resolved on time / resolved
        "on_time_rate": _rate(counts["resolved_on_time"], resolved),
        # resolved late plus pending past their deadline
        "overdue": overdue,
        "overdue_rate": _rate(overdue, resolved + pending),
        "online_rate": _rate(counts["received_online"], counts["received"]),
        "fully_online_rate": _rate(counts["fully_online"], counts["received"]),
        "online_results_rate": _rate(counts["results_online"], resolved),
        "satisfaction_rate": _rate(counts["satisfied"], counts["surveyed"]),
        "volume": counts["received"],
    }


def zero_counts():
    return dict.fromkeys(COUNTS, 0)


STOCKS = OPENING_STOCKS + CLOSING_STOCKS
