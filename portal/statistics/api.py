"""`GET /api/statistics/`: the figures of processing (DESIGN §7) for a procedure, an agency, a
province or a field over a range of months, with the national index's indicators, optionally
grouped by month, agency, field or procedure (the groups' flows add up to the totals). A
provincial department's site answers for its province's agencies and the national ones."""

from typing import Literal

from ninja import Field, Query, Router, Schema

from portal.api.errors import BadParameter
from portal.core.provinces import site_province
from portal.core.sites import request_site

from .query import BadFilter, answer, build, range_of

PREFIX = "statistics/"
router = Router(tags=["statistics"])


class StatisticsFilters(Schema):
    procedure: str = Field("", description="Procedure code, e.g. 1.004194.")
    agency: str = Field("", description="Slug of a reporting agency.")
    province: str = Field("", description="Province of the reporting agencies.")
    field: str = Field("", description="Slug of a field (lĩnh vực): the procedures' main field.")
    from_: str = Field("", alias="from", description="First month, YYYY-MM.")
    to: str = Field("", description="Last month, YYYY-MM (default: the last month with data).")
    group: Literal["month", "agency", "field", "procedure"] | None = None


class CountsOut(Schema):
    received: int
    carried_over: int = Field(description="Carried over into the first month.")
    resolved_on_time: int
    resolved_late: int
    pending_on_time: int = Field(description="Pending at the end of the last month.")
    pending_overdue: int
    received_online: int
    fully_online: int
    results_online: int
    surveyed: int
    satisfied: int


class IndicatorsOut(Schema):
    on_time_rate: float | None = Field(description="% of resolved dossiers resolved on time.")
    overdue: int = Field(description="Resolved late plus pending past their deadline.")
    overdue_rate: float | None
    online_rate: float | None = Field(description="% of received dossiers received online.")
    fully_online_rate: float | None
    online_results_rate: float | None = Field(description="% of results given online.")
    satisfaction_rate: float | None = Field(description="% of surveyed who were satisfied.")
    volume: int = Field(description="Dossiers received.")


class GroupOut(Schema):
    key: str = Field(description="YYYY-MM, agency or field slug, or procedure code.")
    label: str
    provisional: bool = Field(
        False, description="A month not yet over: its figures may still change."
    )
    counts: CountsOut
    indicators: IndicatorsOut


class StatisticsOut(Schema):
    filters: dict[str, str]
    group: str | None
    totals: CountsOut
    indicators: IndicatorsOut
    groups: list[GroupOut]
    provisional: bool = Field(description="The range ends in the current month, not yet over.")
    licence: str


LICENCE = "Dữ liệu mở, cấp phép CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


@router.get("", response=StatisticsOut, summary="Figures of procedure processing")
def statistics(request, filters: Query[StatisticsFilters]):
    try:
        start, end = range_of(filters.from_, filters.to)
        question = build(
            procedure=filters.procedure.strip(),
            agency=filters.agency.strip(),
            province=filters.province.strip(),
            field=filters.field.strip(),
            start=start,
            end=end,
            group=filters.group,
            within=site_province(request_site(request)),
        )
    except BadFilter as error:
        raise BadParameter(error.name, error.message) from None
    result = answer(question)
    return {
        "filters": question.filters(),
        "group": question.group,
        "totals": result["totals"],
        "indicators": result["indicators"],
        "groups": result["groups"],
        "provisional": result["provisional"],
        "licence": LICENCE,
    }
