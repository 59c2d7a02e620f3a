"""Typed read API for procedures: `/api/procedures/` (filters named like the search facets:
field, level, audience, agency, online_level, status), `/api/procedures/<code>/` and
`/api/procedures/<code>/implementations/` (the comparison across provinces).

A provincial site answers with its catalogue (portal/procedures/local.py): its own procedures and
the national ones it implements, with its local values where it sets them."""

import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema

from django.http import Http404

from portal.api.errors import ErrorOut, require_slug
from portal.api.pagination import PageParams, Paginated, paginate
from portal.api.terms import term
from portal.core.identifiers import normalise_procedure_code
from portal.core.models import Agency
from portal.core.models import Field as Subject
from portal.core.sites import national_site, request_site
from portal.core.weblinks import web_url

from .comparison import implementations
from .local import (
    as_served,
    catalogue_of,
    effective_agencies,
    effective_channels,
    implementation_of,
    is_national,
    is_provincial,
    localised,
    owns,
    site_procedures,
)
from .models.choices import Audience, Level, OnlineLevel, Status
from .models.fields import MultipleChoiceField
from .models.legal_links import published_legal_documents

PREFIX = "procedures/"
router = Router(tags=["procedures"])

ORDERINGS = {
    "code": ("code",),
    "-popularity": ("-popularity", "code"),
    "name": ("title", "code"),
    "-updated": ("-last_published_at", "code"),
}


class TermOut(Schema):
    slug: str
    name: str


class ProcedureItemOut(Schema):
    code: str = Field(description="Mã thủ tục, the natural key.")
    name: str
    fields: list[TermOut]
    levels: list[str]
    audiences: list[str]
    agencies: list[TermOut]
    procedure_type: str
    online_level: str
    status: str
    status_label: str
    status_date: datetime.date | None
    replacement_code: str
    popularity: int
    language: str
    url: str
    updated: datetime.datetime | None


class ChannelOut(Schema):
    method: str
    processing_time: str
    fees: str
    url: str


class DossierItemOut(Schema):
    case: str
    name: str
    originals: int
    copies: int
    required: bool
    form_url: str | None


class LegalBasisOut(Schema):
    number: str
    title: str
    api_url: str | None = Field(description="The legal document, when it is published here.")


class ProcedureDetailOut(ProcedureItemOut):
    competent_agency: TermOut | None
    receiving_agency: TermOut | None
    receiving_address: str
    subjects: str
    requirements: str
    result: str
    decision: str
    status_decision: str
    steps: list[str]
    channels: list[ChannelOut]
    dossier: list[DossierItemOut]
    legal_bases: list[LegalBasisOut]


class ImplementationOut(Schema):
    site: str = Field(description="Hostname of the provincial site.")
    province: str
    agency: str
    processing_time: str
    fees: str
    fee_amount: int | None
    online_level: str
    online_level_label: str
    overridden: bool = Field(
        description="False: the province has published nothing of its own (blank values)."
    )
    url: str


class ImplementationsOut(Schema):
    code: str
    name: str
    implementations: list[ImplementationOut]


class ProcedureFilters(Schema):
    field: str | None = Field(None, description="Slug of a field (lĩnh vực).")
    level: Level | None = None
    audience: Audience | None = None
    agency: str | None = Field(None, description="Slug of an implementing agency.")
    online_level: OnlineLevel | None = None
    status: Status | None = None
    language: Literal["vi", "en"] | None = None
    order: Literal["code", "-popularity", "name", "-updated"] = "code"


def procedures(site=None):
    return site_procedures(site).select_related("locale")


def filtered(filters: ProcedureFilters, site=None):
    queryset = procedures(site)
    if filters.field:
        require_slug(Subject, "field", filters.field, "field")
        queryset = queryset.filter(procedure_fields__slug=filters.field)
    if filters.agency:
        require_slug(Agency, "agency", filters.agency, "agency")
        queryset = queryset.filter(implementing_agencies__slug=filters.agency)
    if filters.level:
        queryset = queryset.filter(levels__contains=MultipleChoiceField.token(filters.level))
    if filters.audience:
        queryset = queryset.filter(audiences__contains=MultipleChoiceField.token(filters.audience))
    if filters.online_level:
        queryset = queryset.filter(online_level=filters.online_level)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    return queryset.distinct().order_by(*ORDERINGS[filters.order], "pk")


def item(page, request, implementation=None):
    return {
        "code": page.code,
        "name": page.name,
        "fields": [term(field) for field in page.procedure_fields.all()],
        "levels": page.levels,
        "audiences": page.audiences,
        "agencies": [term(agency) for agency in effective_agencies(page, implementation)],
        "procedure_type": page.procedure_type,
        "online_level": page.online_level,
        "status": page.status,
        "status_label": page.get_status_display(),
        "status_date": page.status_date,
        "replacement_code": page.replacement_code,
        "popularity": page.popularity,
        "language": page.locale.language_code,
        "url": page.get_full_url(request),
        "updated": page.last_published_at,
    }


def published_legal_numbers(numbers, site=None):
    """The normalised numbers among these that a visible legal document carries."""
    return set(published_legal_documents(numbers, site))


def legal_bases(page):
    bases = list(page.legal_bases.all())
    numbers = {basis.normalised_number for basis in bases}
    published = published_legal_numbers(numbers, page.own_site)
    return [
        {
            "number": basis.number,
            "title": basis.title,
            "api_url": f"/api/legal/{basis.normalised_number}/"
            if basis.normalised_number in published
            else None,
        }
        for basis in bases
    ]


@router.get(
    "/",
    response={200: Paginated[ProcedureItemOut], 404: ErrorOut},
    summary="Administrative procedures, filtered",
)
def procedure_list(request, filters: Query[ProcedureFilters], pages: Query[PageParams]):
    site = request_site(request)
    queryset = filtered(filters, site).prefetch_related("procedure_fields", "implementing_agencies")
    page = paginate(queryset, pages)
    page["results"] = [
        item(served, request, implementation)
        for served, implementation in as_served(page["results"], site)
    ]
    return page


@router.get(
    "/{code}/",
    response={200: ProcedureDetailOut, 404: ErrorOut},
    summary="One procedure by code",
)
def procedure_detail(request, code: str):
    site = request_site(request)
    normalised = normalise_procedure_code(code)
    page = procedures(site).filter(code=normalised).first() if normalised else None
    if page is None:
        raise Http404(f"no published procedure with code {code!r}")
    return details(page, request)


@router.get(
    "/{code}/implementations/",
    response={200: ImplementationsOut, 404: ErrorOut},
    summary="A national procedure's local implementations, province by province",
)
def procedure_implementations(request, code: str):
    normalised = normalise_procedure_code(code)
    national = national_site()
    page = None
    if normalised and national is not None:
        page = procedures(national).filter(code=normalised).first()
    if page is None or not is_national(page):
        raise Http404(f"no published national procedure with code {code!r}")
    return {"code": page.code, "name": page.name, "implementations": implementations(page)}


def details(page, request):
    """The procedure as the request's site serves it (its local values where set)."""
    site = request_site(request) if request is not None else None
    implementation = None
    if site is not None and is_provincial(site) and not owns(site, page):
        implementation = implementation_of(page, site)
        page = localised(page, implementation, catalogue_of(site, page.locale_id))
    return {
        **item(page, request, implementation),
        "competent_agency": term(page.competent_agency),
        "receiving_agency": term(page.receiving_agency),
        "receiving_address": page.receiving_address,
        "subjects": page.subjects,
        "requirements": page.requirements,
        "result": page.result,
        "decision": page.decision,
        "status_decision": page.status_decision,
        "steps": [step.text for step in page.steps.all()],
        "channels": [
            {
                "method": channel.method,
                "processing_time": channel.processing_time,
                "fees": channel.fees,
                "url": web_url(channel.url),
            }
            for channel in effective_channels(page, implementation)
        ],
        "dossier": [
            {
                "case": entry.case,
                "name": entry.name,
                "originals": entry.originals,
                "copies": entry.copies,
                "required": entry.required,
                "form_url": entry.form.url if entry.form else None,
            }
            for entry in page.dossier_items.select_related("form")
        ],
        "legal_bases": legal_bases(page),
    }
