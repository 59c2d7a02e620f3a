"""One question to the figures (what, where, when, grouped how) and its answer, read from the
smallest table that holds it: the monthly roll-ups, or the records when both a procedure and an
agency are involved."""

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Case, Q, Sum, When
from django.utils.translation import gettext as _

from portal.core.models import Field

from .indicators import indicators, zero_counts
from .models import (
    CLOSING_STOCKS,
    COUNTS,
    FLOWS,
    OPENING_STOCKS,
    Agency,
    AgencyMonth,
    ProcedureRef,
)
from .months import add_months, current_month, is_provisional
from .rollups import table_for

GROUPS = ("month", "agency", "field", "procedure")


class BadFilter(ValueError):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


@dataclass
class Question:
    start: datetime.date
    end: datetime.date
    procedure: ProcedureRef | None = None
    agency: Agency | None = None
    province: str = ""
    field: Field | None = None
    group: str | None = None
    agencies: list = dataclasses.field(default_factory=list)
    within: str = ""  # a provincial site's province: its agencies and the national ones only

    def filters(self):
        """The filters as the API names them (for links and downloads)."""
        values = {
            "procedure": self.procedure.code if self.procedure else "",
            "agency": self.agency.slug if self.agency else "",
            "province": self.province,
            "field": self.field.slug if self.field else "",
            "from": self.start.strftime("%Y-%m"),
            "to": self.end.strftime("%Y-%m"),
        }
        return {name: value for name, value in values.items() if value}


def month(text, name):
    try:
        value = datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise BadFilter(name, _("phải là một tháng dạng YYYY-MM, ví dụ 2025-10")) from None
    if value.year < 1900:
        raise BadFilter(name, _("phải là một tháng dạng YYYY-MM, ví dụ 2025-10"))
    return value


def latest_month():
    """The last month with records, or the current month when there are none."""
    latest = AgencyMonth.objects.order_by("-period").values_list("period", flat=True).first()
    return latest or current_month()


def months_with_data():
    """Every month that has records, newest first."""
    periods = AgencyMonth.objects.values_list("period", flat=True).distinct()
    return sorted(set(periods), reverse=True)


def build(
    *, procedure="", agency="", province="", field="", start=None, end=None, group=None, within=""
):
    """A Question from filter values as typed (slugs, codes, months), or BadFilter. `within`:
    the province of the site asking (portal.core.provinces.site_province), whose figures are
    its own agencies' and the national agencies'; another province's agency is unknown there."""
    if group is not None and group not in GROUPS:
        raise BadFilter("group", _("phải là một trong: %s") % ", ".join(GROUPS))
    question = Question(start=start, end=end, group=group or None, province=province, within=within)
    agencies = Agency.objects.filter(province__in=[within, ""]) if within else Agency.objects
    if procedure:
        question.procedure = ProcedureRef.objects.filter(code=procedure).first()
        if question.procedure is None:
            raise BadFilter("procedure", _("không có số liệu của thủ tục %s") % procedure)
    if agency:
        question.agency = agencies.filter(slug=agency).first()
        if question.agency is None:
            raise BadFilter("agency", _("không có cơ quan %s") % agency)
    if field:
        question.field = Field.objects.filter(slug=field).first()
        if question.field is None:
            raise BadFilter("field", _("không có lĩnh vực %s") % field)
    if province or within:
        chosen = agencies.filter(province=province) if province else agencies
        question.agencies = list(chosen.values_list("pk", flat=True))
        if province and not question.agencies:
            raise BadFilter("province", _("không có cơ quan nào của tỉnh %s") % province)
    if question.agency:
        question.agencies = [
            pk for pk in question.agencies or [question.agency.pk] if pk == question.agency.pk
        ]
    if question.start and question.end and question.start > question.end:
        raise BadFilter("from", _("phải không sau tháng cuối (to)"))
    return question


def _rows(question, group):
    dimensions = {group} - {"month", None}
    if question.procedure is not None:
        dimensions.add("procedure")
    if question.agency is not None or question.province or question.within:
        dimensions.add("agency")
    if question.field is not None:
        dimensions.add("field")
    rows = table_for(dimensions).objects.filter(
        period__gte=question.start, period__lte=question.end
    )
    if question.procedure is not None:
        rows = rows.filter(procedure_id=question.procedure.pk)
    if question.agency is not None or question.province or question.within:
        rows = rows.filter(agency_id__in=question.agencies)
    if question.field is not None:
        rows = rows.filter(field_id=question.field.pk)
    return rows


def _sums(question, per_month):
    if per_month:
        return {name: Sum(name) for name in COUNTS}
    sums = {name: Sum(name) for name in FLOWS}
    # Stocks over several months: carried over into the first, pending at the end of the last.
    for names, month in ((OPENING_STOCKS, question.start), (CLOSING_STOCKS, question.end)):
        for name in names:
            sums[name] = Sum(Case(When(Q(period=month), then=name), default=0))
    return sums


def _counts(row):
    return {name: row[name] or 0 for name in COUNTS}


GROUP_KEYS = {
    "month": "period",
    "agency": "agency_id",
    "field": "field_id",
    "procedure": "procedure_id",
}


def answer(question):
    """{"totals", "indicators", "groups", "empty"}: each group with its key, label, counts and
    indicators. A grouped answer is one query: its totals are the sum of its groups (the flows;
    the stocks of the first and last month when grouped by month)."""
    rows = _rows(question, question.group)
    groups = []
    if question.group:
        key = GROUP_KEYS[question.group]
        sums = _sums(question, per_month=question.group == "month")
        grouped = list(rows.values(key).annotate(**sums).order_by(key))
        labels = _labels(question.group, [row[key] for row in grouped])
        for row in grouped:
            counts = _counts(row)
            groups.append({**labels[row[key]], "counts": counts, "indicators": indicators(counts)})
        totals = _totals_of(question, grouped)
    else:
        totals = _counts(rows.aggregate(**_sums(question, per_month=False)))
    return {
        "totals": totals,
        "indicators": indicators(totals),
        "groups": groups,
        "empty": totals == zero_counts(),
        "provisional": question.end is not None and is_provisional(question.end),
    }


def _totals_of(question, grouped):
    totals = zero_counts()
    for row in grouped:
        for name in FLOWS:
            totals[name] += row[name] or 0
        if question.group != "month":
            for name in OPENING_STOCKS + CLOSING_STOCKS:
                totals[name] += row[name] or 0
    if question.group == "month":
        for names, month in ((OPENING_STOCKS, question.start), (CLOSING_STOCKS, question.end)):
            for row in grouped:
                if row["period"] == month:
                    totals.update({name: row[name] or 0 for name in names})
    return totals


def _labels(group, keys):
    if group == "month":
        return {
            key: {
                "key": key.strftime("%Y-%m"),
                "label": key.strftime("%m/%Y"),
                "provisional": is_provisional(key),
            }
            for key in keys
        }
    if group == "agency":
        return {
            pk: {"key": slug, "label": name, "province": province}
            for pk, slug, name, province in Agency.objects.filter(pk__in=keys).values_list(
                "pk", "slug", "name", "province"
            )
        }
    if group == "field":
        labels = {
            pk: {"key": slug, "label": name}
            for pk, slug, name in Field.objects.filter(pk__in=keys).values_list(
                "pk", "slug", "name"
            )
        }
        labels[None] = {"key": "", "label": _("Chưa xác định lĩnh vực")}
        return labels
    return {
        pk: {"key": code, "label": name or code}
        for pk, code, name in ProcedureRef.objects.filter(pk__in=keys).values_list(
            "pk", "code", "name"
        )
    }


def period_of(text):
    """(first month, last month) of a dashboard period: `12m` (the last twelve months with
    data), a year `2025`, a quarter `2025-Q3` or a month `2025-10`; BadFilter otherwise."""
    text = (text or "12m").strip()
    if text == "12m":
        end = latest_month()
        return add_months(end, -11), end
    try:
        if len(text) == 4 and text.isdigit():
            start = datetime.date(int(text), 1, 1)
            return start, add_months(start, 11)
        if len(text) == 7 and text[4:6] == "-Q" and text[6] in "1234":
            start = datetime.date(int(text[:4]), 3 * int(text[6]) - 2, 1)
            return start, add_months(start, 2)
        start = month(text, "period")
        return start, start
    except (ValueError, BadFilter):
        raise BadFilter(
            "period", _("phải là 12m, một năm (2025), một quý (2025-Q3) hoặc một tháng (2025-10)")
        ) from None


def range_of(start_text, end_text):
    """(first, last month) from the API's `from` and `to`; the last twelve months by default."""
    end = month(end_text, "to") if end_text else latest_month()
    start = month(start_text, "from") if start_text else add_months(end, -11)
    return start, end
