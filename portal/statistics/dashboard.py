"""What the public dashboard shows, as tables: the headline figures, the months, the ranking of
agencies and of fields, the slowest procedures and the engagement figures. The page, its charts
and its CSV and JSON downloads are all drawn from these tables, so they show the same numbers."""

import calendar
import dataclasses
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from . import svg
from .formatting import number, rate
from .models import Agency, ProcedureRef
from .query import answer, build, months_with_data, period_of

# An app that has figures for this dashboard (questions and reports: the engagement app)
# registers a function of (first day, last day) returning its `figures()` dict.
ENGAGEMENT_HOOK = "statistics_engagement_figures"
# An app with figures of its own (drafts for comment) registers a function of (first day, last
# day, province or "") returning tables as dicts of `Table`'s fields.
TABLES_HOOK = "statistics_dashboard_tables"
SLOWEST = 10
LICENCE = gettext_lazy(
    "Dữ liệu mở, cấp phép CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
)
TEXT, NUMBER, RATE = "text", "number", "rate"


@dataclasses.dataclass
class Table:
    id: str
    caption: str
    columns: list  # [(heading, TEXT | NUMBER | RATE)]
    rows: list  # raw values, as the downloads give them
    chart: str = ""

    def cells(self):
        """The rows as the page shows them: (text, kind, column heading) for each cell (the
        heading labels the cell where a phone stacks the table)."""
        shown = {TEXT: lambda value: value or "", NUMBER: number, RATE: rate}
        return [
            [
                (shown[kind](value), kind, heading)
                for value, (heading, kind) in zip(row, self.columns, strict=True)
            ]
            for row in self.rows
        ]

    def as_data(self):
        return {
            "id": self.id,
            "caption": self.caption,
            "columns": [heading for heading, _kind in self.columns],
            "rows": self.rows,
        }


def _rate(value):
    return None if value is None else round(value, 1)


def _metrics(group):
    counts, figures = group["counts"], group["indicators"]
    return [
        counts["received"],
        counts["resolved_on_time"] + counts["resolved_late"],
        _rate(figures["on_time_rate"]),
        figures["overdue"],
        _rate(figures["online_rate"]),
        _rate(figures["satisfaction_rate"]),
    ]


def _metric_columns():
    return [
        (_("Tiếp nhận"), NUMBER),
        (_("Đã giải quyết"), NUMBER),
        (_("Đúng hạn"), RATE),
        (_("Quá hạn"), NUMBER),
        (_("Trực tuyến"), RATE),
        (_("Hài lòng"), RATE),
    ]


def natural_key(text):
    """Text in the order people read it: numbers inside by their value ("Đội 2" before
    "Đội 10"), letters by the Vietnamese alphabet's base letters."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text or "")
        if part
    ]


def _ranked(groups):
    """Highest on-time rate first; groups with nothing resolved last; ties by name."""
    return sorted(
        groups,
        key=lambda group: (group["indicators"]["on_time_rate"] is None,
                           -(group["indicators"]["on_time_rate"] or 0),
                           natural_key(group["label"])),
    )  # fmt: skip


def _headline(result):
    counts, figures = result["totals"], result["indicators"]
    rows = [
        [_("Hồ sơ tiếp nhận"), counts["received"], None],
        [_("Hồ sơ kỳ trước chuyển sang"), counts["carried_over"], None],
        [_("Hồ sơ đã giải quyết"), counts["resolved_on_time"] + counts["resolved_late"], None],
        [_("Tỷ lệ giải quyết đúng hạn"), None, _rate(figures["on_time_rate"])],
        [_("Hồ sơ quá hạn"), figures["overdue"], None],
        [_("Tỷ lệ hồ sơ quá hạn"), None, _rate(figures["overdue_rate"])],
        [_("Tỷ lệ hồ sơ trực tuyến"), None, _rate(figures["online_rate"])],
        [_("Tỷ lệ hồ sơ trực tuyến toàn trình"), None, _rate(figures["fully_online_rate"])],
        [_("Tỷ lệ trả kết quả trực tuyến"), None, _rate(figures["online_results_rate"])],
        [_("Tỷ lệ hài lòng"), None, _rate(figures["satisfaction_rate"])],
    ]
    columns = [(_("Chỉ số"), TEXT), (_("Số hồ sơ"), NUMBER), (_("Tỷ lệ"), RATE)]
    return Table("chi-so", _("Chỉ số chung"), columns, rows)


def _trend(result):
    rows = [[group["label"], *_metrics(group)] for group in result["groups"]]
    table = Table("theo-thang", _("Theo tháng"), [(_("Tháng"), TEXT), *_metric_columns()], rows)
    table.chart = svg.vertical_bars(
        "bieu-do-theo-thang",
        _("Hồ sơ tiếp nhận theo tháng"),
        [(row[0], row[1], number(row[1])) for row in rows],
    )
    return table


def _ranking(table_id, caption, groups, with_province=False):
    rows = []
    for place, group in enumerate(_ranked(groups), start=1):
        extra = [group.get("province", "")] if with_province else []
        rows.append([place, group["label"], *extra, *_metrics(group)])
    columns = [(_("Hạng"), NUMBER), (_name_column(table_id), TEXT)]
    if with_province:
        columns.append((_("Tỉnh, thành phố"), TEXT))
    table = Table(table_id, caption, columns + _metric_columns(), rows)
    table.chart = svg.horizontal_bars(
        f"bieu-do-{table_id}",
        _("%s: tỷ lệ giải quyết đúng hạn") % caption,
        _on_time_bars(table, lambda row: row[1]),
    )
    return table


def _on_time_bars(table, label):
    """(label, value, shown) of each row for a bar chart of the on-time rate: the very figure
    the table shows in its on-time column, found by that column's heading."""
    on_time = _metric_columns()[2][0]
    index = [heading for heading, _kind in table.columns].index(on_time)
    return [(label(row), row[index], rate(row[index])) for row in table.rows]


def _name_column(table_id):
    return _("Cơ quan") if table_id == "co-quan" else _("Lĩnh vực")


def _slowest(result):
    resolved = [
        group for group in result["groups"] if group["indicators"]["on_time_rate"] is not None
    ]
    resolved.sort(
        key=lambda group: (group["indicators"]["on_time_rate"], -group["counts"]["received"])
    )
    rows = [[group["key"], group["label"], *_metrics(group)] for group in resolved[:SLOWEST]]
    columns = [(_("Mã thủ tục"), TEXT), (_("Thủ tục"), TEXT), *_metric_columns()]
    table = Table("thu-tuc-cham-nhat", _("Thủ tục có tỷ lệ đúng hạn thấp nhất"), columns, rows)
    table.chart = svg.horizontal_bars(
        "bieu-do-thu-tuc-cham-nhat",
        _("Thủ tục có tỷ lệ đúng hạn thấp nhất"),
        _on_time_bars(table, lambda row: f"{row[0]} {row[1]}"),
    )
    return table


def _last_day(end):
    return end.replace(day=calendar.monthrange(end.year, end.month)[1])


def _engagement(start, end):
    last_day = _last_day(end)
    for contribute in hooks.get_hooks(ENGAGEMENT_HOOK):
        figures = contribute(start, last_day)
        questions = figures["questions"]
        answered = sum(
            count for status, count in questions["by_status"].items()
            if status in ("answered", "closed")
        )  # fmt: skip
        resolved = figures["reports"]["by_status"].get("resolved", 0)
        rows = [
            [_("Câu hỏi nhận được"), figures["by_kind"]["question"]],
            [_("Câu hỏi đã trả lời"), answered],
            [_("Phản ánh, kiến nghị nhận được"), figures["by_kind"]["report"]],
            [_("Phản ánh, kiến nghị đã giải quyết"), resolved],
            [_("Số ngày trả lời (trung vị)"), questions["median_days_to_answer"]],
        ]
        columns = [(_("Chỉ số"), TEXT), (_("Giá trị"), NUMBER)]
        return Table("hoi-dap-phan-anh", _("Hỏi đáp, phản ánh, kiến nghị"), columns, rows)
    return None


def build_dashboard(params, within=""):
    """The dashboard of the filters in `params` (a QueryDict or dict), or BadFilter; `within`:
    the province of a provincial site (its agencies and the national ones)."""
    start, end = period_of(params.get("period"))
    filters = {
        name: (params.get(name) or "").strip()
        for name in ("procedure", "agency", "province", "field")
    }
    question = build(**filters, start=start, end=end, within=within)
    results = {
        group: answer(dataclasses.replace(question, group=group))
        for group in ("month", "agency", "field", "procedure")
    }
    totals = results["month"]
    tables = [
        _headline(totals),
        _trend(totals),
        _ranking("co-quan", _("Xếp hạng cơ quan"), results["agency"]["groups"], True),
        _ranking("linh-vuc", _("Xếp hạng lĩnh vực"), results["field"]["groups"]),
        _slowest(results["procedure"]),
    ]
    engagement = _engagement(start, end)
    if engagement is not None:
        tables.append(engagement)
    for contribute in hooks.get_hooks(TABLES_HOOK):
        tables.extend(Table(**table) for table in contribute(start, _last_day(end), within))
    return {
        "question": question,
        "start": start,
        "end": end,
        "empty": totals["empty"],
        "indicators": totals["indicators"],
        "provisional": [group["label"] for group in totals["groups"] if group["provisional"]],
        "totals": totals["totals"],
        "tables": tables,
        "filters": filters,
        "period": (params.get("period") or "12m").strip(),
    }


def period_choices(selected):
    """(value, label) of the periods offered: the last 12 months, then each year and quarter
    that has data, newest first."""
    choices = {"12m": _("12 tháng gần nhất")}
    for month in months_with_data():
        year, quarter = month.year, (month.month - 1) // 3 + 1
        choices.setdefault(str(year), _("Năm %s") % year)
        choices.setdefault(f"{year}-Q{quarter}", _("Quý %(q)s/%(y)s") % {"q": quarter, "y": year})
    if selected:
        choices.setdefault(selected, selected)
    return list(choices.items())


def filter_choices(within=""):
    """The agencies, provinces and fields to filter by; on a provincial site (`within`) its
    province's agencies and the national ones."""
    agencies = Agency.objects.filter(province__in=[within, ""]) if within else Agency.objects
    return {
        "agencies": sorted(
            agencies.values_list("slug", "name"), key=lambda agency: natural_key(agency[1])
        ),
        "provinces": list(
            agencies.exclude(province="").values_list("province", flat=True)
            .distinct().order_by("province")
        ),
        "fields": list(
            ProcedureRef.objects.exclude(field=None)
            .values_list("field__slug", "field__name").distinct().order_by("field__name")
        ),
    }  # fmt: skip
