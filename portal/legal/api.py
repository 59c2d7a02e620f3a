"""Typed read API for legal documents: `/api/legal/` (filters named like the search facets) and
`/api/legal/<number>/`, where the number may be typed in any spelling (`2499/QĐ-BTNMT`,
`2499-qd-btnmt`)."""

import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema

from django.db.models import F
from django.http import Http404

from portal.api.errors import BadParameter, ErrorOut, require_slug
from portal.api.pagination import PageParams, Paginated, paginate
from portal.api.terms import term
from portal.core.identifiers import normalise_document_number
from portal.core.models import Agency
from portal.core.models import Field as Subject
from portal.core.sites import request_site
from portal.core.visibility import visible
from portal.core.weblinks import web_url

from .models import LegalDocumentPage, LegalRelation
from .models.choices import INVERSE_LABELS, RelationType, Validity
from .scope import by_number

PREFIX = "legal/"
router = Router(tags=["legal"])

ORDERINGS = {
    "-issued": (F("issued").desc(nulls_last=True), "normalised_number"),
    "issued": (F("issued").asc(nulls_last=True), "normalised_number"),
    "number": ("normalised_number",),
    "-updated": ("-last_published_at", "normalised_number"),
}


class TermOut(Schema):
    slug: str
    name: str


class LegalItemOut(Schema):
    number: str = Field(description="Số ký hiệu, the natural key.")
    title: str
    abstract: str
    doc_type: str
    document_kind: str
    issuer: TermOut | None
    signer: str
    issued: datetime.date | None
    effective: datetime.date | None
    expires: datetime.date | None
    validity: str
    validity_label: str
    fields: list[TermOut]
    language: str
    url: str
    updated: datetime.datetime | None


class ArticleOut(Schema):
    number: str
    title: str
    text: str
    anchor: str


class RelationOut(Schema):
    type: str
    label: str
    number: str
    api_url: str | None = Field(description="The related document, when it is published here.")


class AttachmentOut(Schema):
    title: str
    url: str | None


class LegalDetailOut(LegalItemOut):
    signer_title: str
    validity_note: str
    full_text: str
    articles: list[ArticleOut]
    relations: list[RelationOut]
    attachments: list[AttachmentOut]


class LegalFilters(Schema):
    doc_type: str | None = Field(None, description="Loại văn bản, e.g. Luật, Thông tư.")
    type: str | None = Field(None, description="Same as doc_type.")
    issuer: str | None = Field(None, description="Slug of the issuing agency.")
    field: str | None = Field(None, description="Slug of a field (lĩnh vực).")
    validity: Validity | None = None
    status: Validity | None = Field(None, description="Same as validity.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of issue.")
    issued_from: datetime.date | None = None
    issued_to: datetime.date | None = None
    language: Literal["vi", "en"] | None = None
    order: Literal["-issued", "issued", "number", "-updated"] = "-issued"


def documents(site=None):
    """What the public may see on `site`: its local documents and the central library."""
    return visible(LegalDocumentPage.objects.all(), site).select_related("issuer", "locale")


def filtered(filters: LegalFilters, site=None):
    queryset = documents(site)
    doc_type = filters.doc_type or filters.type
    if doc_type:
        if not queryset.filter(doc_type__iexact=doc_type).exists():
            known = sorted(set(documents(site).values_list("doc_type", flat=True)))
            raise BadParameter("doc_type", f"unknown document type {doc_type!r}; known: {known}")
        queryset = queryset.filter(doc_type__iexact=doc_type)
    if filters.issuer:
        require_slug(Agency, "issuer", filters.issuer, "agency")
        queryset = queryset.filter(issuer__slug=filters.issuer)
    if filters.field:
        require_slug(Subject, "field", filters.field, "field")
        queryset = queryset.filter(fields__slug=filters.field)
    validity = filters.validity or filters.status
    if validity:
        queryset = queryset.filter(validity=validity)
    if filters.year:
        queryset = queryset.filter(issued__year=filters.year)
    if filters.issued_from and filters.issued_to and filters.issued_from > filters.issued_to:
        raise BadParameter("issued_from", "issued_from is after issued_to")
    if filters.issued_from:
        queryset = queryset.filter(issued__gte=filters.issued_from)
    if filters.issued_to:
        queryset = queryset.filter(issued__lte=filters.issued_to)
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    return queryset.distinct().order_by(*ORDERINGS[filters.order], "pk")


def item(page, request):
    return {
        "number": page.number,
        "title": page.title,
        "abstract": page.abstract,
        "doc_type": page.doc_type,
        "document_kind": page.document_kind,
        "issuer": term(page.issuer),
        "signer": page.signer,
        "issued": page.issued,
        "effective": page.effective,
        "expires": page.expires,
        "validity": page.validity,
        "validity_label": page.get_validity_display(),
        "fields": [term(field) for field in page.fields.all()],
        "language": page.locale.language_code,
        "url": page.get_full_url(request),
        "updated": page.last_published_at,
    }


def detail_url(number):
    return f"/api/{PREFIX}{normalise_document_number(number)}/"


def relations(page, site=None):
    published = set(documents(site).values_list("normalised_number", flat=True))
    rows = [
        {
            "type": relation.relation_type,
            "label": relation.get_relation_type_display(),
            "number": relation.target_number,
            "api_url": detail_url(relation.target_number)
            if relation.target_normalised in published
            else None,
        }
        for relation in page.relations.all()
    ]
    incoming = (
        LegalRelation.objects.filter(
            target_normalised=page.normalised_number, page__in=documents(site)
        )
        .exclude(page_id=page.pk)
        .select_related("page")
        .order_by("page__issued", "page__normalised_number")
    )
    rows += [
        {
            "type": f"inverse_{relation.relation_type}",
            "label": INVERSE_LABELS[RelationType(relation.relation_type)],
            "number": relation.page.number,
            "api_url": detail_url(relation.page.number),
        }
        for relation in incoming
    ]
    return rows


def attachments(page):
    return [
        {
            "title": attachment.display_title,
            "url": attachment.document.url
            if attachment.document
            else web_url(attachment.source_url, default=None),
        }
        for attachment in page.attachments.select_related("document")
    ]


@router.get(
    "/",
    response={200: Paginated[LegalItemOut], 404: ErrorOut},
    summary="Legal documents, filtered",
)
def legal_documents(request, filters: Query[LegalFilters], pages: Query[PageParams]):
    queryset = filtered(filters, request_site(request)).prefetch_related("fields")
    page = paginate(queryset, pages)
    page["results"] = [item(document, request) for document in page["results"]]
    return page


@router.get(
    "/{path:number}/",
    response={200: LegalDetailOut, 404: ErrorOut},
    summary="One legal document by number, in any spelling",
)
def legal_document(request, number: str):
    normalised = normalise_document_number(number)
    site = request_site(request)
    # The site's own document of that number wins over a central one.
    page = by_number(documents(site).filter(normalised_number=normalised), site).get(normalised)
    if page is None:
        raise Http404(f"no published legal document numbered {number!r}")
    return details(page, request)


def details(page, request):
    return {
        **item(page, request),
        "signer_title": page.signer_title,
        "validity_note": page.validity_note,
        "full_text": page.full_text,
        "articles": [
            {"number": a.number, "title": a.title, "text": a.text, "anchor": a.anchor}
            for a in page.articles.all()
        ],
        "relations": relations(page, request_site(request) if request else None),
        "attachments": attachments(page),
    }
