"""`GET /api/organisation/`: the request's site's organisation page as data: functions, units,
current and former leaders, history (the same as the page; a site without one is a 404)."""

from datetime import date

from ninja import Field, Router, Schema

from django.http import Http404

from portal.api.errors import ErrorOut
from portal.core.sites import request_site
from portal.core.visibility import visible

from .models import OrganisationPage

PREFIX = "organisation/"
router = Router(tags=["organisation"])


class UnitOut(Schema):
    name: str
    parent: str = Field(description="The parent unit's name; empty: directly under the agency.")
    functions: str
    head: str
    address: str
    phone: str


class LeaderOut(Schema):
    name: str
    title: str
    biography: str
    duties: str
    oversees: str
    term_start: date | None
    term_end: date | None


class OrganisationOut(Schema):
    title: str
    url: str
    functions: str = Field(description="HTML.")
    history: str = Field(description="HTML.")
    units: list[UnitOut]
    leaders: list[LeaderOut] = Field(description="Current leaders.")
    former_leaders: list[LeaderOut]


def _leader(leader):
    return LeaderOut(
        name=leader.name,
        title=leader.title,
        biography=leader.biography,
        duties=leader.duties,
        oversees=leader.oversees,
        term_start=leader.term_start,
        term_end=leader.term_end,
    )


@router.get("", response={200: OrganisationOut, 404: ErrorOut}, summary="This site's organisation")
def organisation(request):
    site = request_site(request)
    page = visible(OrganisationPage.objects.order_by("path"), site).first() if site else None
    if page is None:
        raise Http404("this site has published no organisation page")
    return OrganisationOut(
        title=page.title,
        url=request.build_absolute_uri(page.get_url(request)),
        functions=str(page.functions),
        history=str(page.history),
        units=[
            UnitOut(
                name=unit.name,
                parent=unit.parent_name,
                functions=unit.functions,
                head=unit.head,
                address=unit.address,
                phone=unit.phone,
            )
            for unit in page.units.all()
        ],
        leaders=[_leader(leader) for leader in page.current_leaders()],
        former_leaders=[_leader(leader) for leader in page.former_leaders()],
    )
