"""The figures of the dashboard and of `manage.py search_report`, over a period of days."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from portal.core.csv_cells import SafeWriter

from .models import QueryLog, ResultClick

TOP = 50


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    searches: int = 0
    per_day: list = field(default_factory=list)  # [(day, searches)]
    top: list = field(default_factory=list)  # [(query, searches)]
    zero: list = field(default_factory=list)  # [(query, searches)] that found nothing
    no_clicks: list = field(default_factory=list)  # [(query, searches)] found, never chosen
    positions: list = field(default_factory=list)  # [(position, clicks, rate)]


def period(days=7, end=None):
    end = end or timezone.localdate()
    return end - datetime.timedelta(days=days - 1), end


def figures(start, end, top=TOP):
    logs = QueryLog.objects.filter(day__gte=start, day__lte=end)
    result = Figures(start, end, searches=logs.count())
    result.per_day = list(logs.values_list("day").annotate(n=Count("id")).order_by("day"))
    counted = logs.values_list("query").annotate(n=Count("id")).order_by("-n", "query")
    result.top = list(counted[:top])
    result.zero = list(counted.filter(results=0)[:top])
    page_searches = logs.filter(source=QueryLog.Source.PAGE, results__gt=0)
    unclicked = page_searches.annotate(chosen=Count("clicks")).filter(chosen=0)
    result.no_clicks = list(
        QueryLog.objects.filter(pk__in=unclicked.values("pk"))
        .values_list("query")
        .annotate(n=Count("id"))
        .order_by("-n", "query")[:top]
    )
    total = page_searches.count()
    clicks = (
        ResultClick.objects.filter(Q(search__day__gte=start) & Q(search__day__lte=end))
        .values_list("position")
        .annotate(n=Count("id"))
        .order_by("position")
    )
    result.positions = [(position, n, n / total if total else 0.0) for position, n in clicks]
    return result


def write_csv(result, out):
    """One CSV: a `table` column names each block (days, top, zero, no_clicks, positions)."""
    writer = SafeWriter(out)
    writer.writerow(["table", "key", "searches_or_clicks", "rate"])
    writer.writerow(["period", f"{result.start}..{result.end}", result.searches, ""])
    for day, n in result.per_day:
        writer.writerow(["days", day.isoformat(), n, ""])
    for table in ("top", "zero", "no_clicks"):
        for query, n in getattr(result, table):
            writer.writerow([table, query, n, ""])
    for position, n, rate in result.positions:
        writer.writerow(["positions", position, n, f"{rate:.4f}"])
