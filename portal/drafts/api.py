"""Drafts for comment (DESIGN §8, Participation): `GET /api/drafts/` (filters like the listing),
`GET /api/drafts/{id}/` (articles, published comments, the summary once published) and
`POST /api/drafts/{id}/comments/` → 201 `{"code"}`, with the anti-abuse of the other
submissions (rate limit, challenge or a partner's key). Never who commented."""

import datetime
from typing import Literal

from ninja import Field, Path, Query, Router, Schema, Status

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.api.errors import BadRequestOut, ErrorOut, require_slug
from portal.api.pagination import PageParams, Paginated, paginate
from portal.core.models import Agency
from portal.core.models import Field as Subject
from portal.core.sites import request_site
from portal.core.visibility import is_visible
from portal.engagement import antiabuse
from portal.engagement.api import (
    Challenge,
    CodeOut,
    antiabuse_refusal,
    in_user_language,
    length,
)

from .commenting import Refused, published_comments, submit_comment
from .forms import TEXT_LIMIT, DraftCommentForm
from .listing import drafts, filtered

PREFIX = "drafts/"
# A page id the database can hold: a larger one is a 400 naming it, not a database error.
DRAFT_ID = Path(..., ge=1, le=2**31 - 1, description="Page id of the draft.")
router = Router(tags=["drafts"])


class DraftFilters(Schema):
    field: str | None = Field(None, description="Slug of a field (lĩnh vực).")
    agency: str | None = Field(None, description="Slug of the drafting agency.")
    status: Literal["open", "closed", "upcoming"] | None = Field(
        None, description="Computed from the comment period at the time of the request."
    )


class DraftOut(Schema):
    id: int
    title: str
    doc_type: str
    intended_number: str
    abstract: str
    drafting_unit: str
    fields: list[str]
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    status: str
    seconds_left: int = Field(description="Until commenting closes (0 when not open).")
    summary_published: bool
    issued_document: str | None = Field(description="Number of the issued legal document.")
    url: str


class DraftArticleOut(Schema):
    number: str
    title: str
    text: str
    anchor: str


class PublishedCommentOut(Schema):
    code: str
    article: str | None
    text: str
    date: datetime.date
    reception: str = Field(description="accepted (tiếp thu), explained (giải trình) or empty.")
    response: str


class DraftDetailOut(DraftOut):
    articles: list[DraftArticleOut]
    comments: list[PublishedCommentOut]
    summary: str = Field(description="HTML, once the period is over.")


class DraftCommentIn(Challenge):
    article: str = Field("", description="Number of the article; empty for the whole draft.")
    name: str = Field("", description="Kept private. Name or organisation is required.")
    organisation: str = Field("", description="Kept private.")
    # Required, but checked by the form so that a missing one is named like a wrong one.
    email: str = Field(
        "", description="Kept private (required).", json_schema_extra={"format": "email"}
    )
    text: str = Field("", description="Required.", json_schema_extra=length(10, TEXT_LIMIT))
    consent: bool = Field(
        False, description="Consent to the processing of personal data (required)."
    )


def item(page, request, now):
    issued = page.issued_document
    return {
        "id": page.pk,
        "title": page.title,
        "doc_type": page.doc_type,
        "intended_number": page.intended_number,
        "abstract": page.abstract,
        "drafting_unit": page.drafting_unit.name,
        "fields": [field.slug for field in page.fields.all()],
        "opens_at": page.opens_at,
        "closes_at": page.closes_at,
        "status": page.status(now),
        "seconds_left": max(0, int((page.closes_at - now).total_seconds()))
        if page.is_open(now)
        else 0,
        "summary_published": page.summary_published(now),
        "issued_document": issued.number if issued is not None and is_visible(issued) else None,
        "url": page.get_full_url(request),
    }


def _draft(request, draft_id):
    page = drafts(request_site(request)).filter(pk=draft_id).first()
    if page is None:
        raise Http404(_("Không có dự thảo %(id)s đang công bố.") % {"id": draft_id})
    return page


def _refusal(status, field, message):
    body = {"detail": f"{field}: {message}", "errors": [{"field": field, "message": message}]}
    return Status(status, body)


@router.get(
    "/",
    response={200: Paginated[DraftOut], 404: ErrorOut},
    summary="Drafts for comment, filtered",
)
def draft_list(request, filters: Query[DraftFilters], pages: Query[PageParams]):
    if filters.field:
        require_slug(Subject, "field", filters.field, "field")
    if filters.agency:
        require_slug(Agency, "agency", filters.agency, "agency")
    queryset = filtered(drafts(request_site(request)), **filters.dict(exclude_none=True))
    page = paginate(queryset.prefetch_related("fields"), pages)
    now = timezone.now()
    page["results"] = [item(draft, request, now) for draft in page["results"]]
    return page


@router.get(
    "/{draft_id}/",
    response={200: DraftDetailOut, 404: ErrorOut},
    summary="A draft, its articles and its published comments",
)
def draft_detail(request, draft_id: int = DRAFT_ID):
    page, now = _draft(request, draft_id), timezone.now()
    summary = page.summary_published(now)
    return {
        **item(page, request, now),
        "articles": [
            {"number": a.number, "title": a.title, "text": a.text, "anchor": a.anchor}
            for a in page.articles.all()
        ],
        "comments": [
            {
                "code": comment.code,
                "article": comment.article.number if comment.article else None,
                "text": comment.public_text,
                "date": timezone.localdate(comment.created_at),
                "reception": comment.reception if summary else "",
                "response": comment.response if summary else "",
            }
            for comment in published_comments(page)
        ],
        "summary": page.summary if summary else "",
    }


@router.post(
    "/{draft_id}/comments/",
    response={201: CodeOut, 400: BadRequestOut, 404: ErrorOut, 409: BadRequestOut, 429: ErrorOut},
    summary="Comment on a draft or one of its articles",
    description="Moderated before publication; name, organisation and email are never "
    "published. Refused with 409 outside the comment period.",
)
@in_user_language
def comment(request, payload: DraftCommentIn, draft_id: int = DRAFT_ID):
    page = _draft(request, draft_id)
    data = payload.dict()
    refusal = antiabuse_refusal(request, data)
    if refusal is not None:
        return refusal
    form = DraftCommentForm(data={key: value for key, value in data.items() if value is not None})
    if not form.is_valid():
        field, messages = next(iter(form.errors.items()))
        return _refusal(400, field, str(messages[0]))
    try:
        submitted = submit_comment(page, form.cleaned_data)
    except Refused as refusal:
        return _refusal(refusal.status, refusal.field, str(refusal))
    antiabuse.count_accepted(request)
    return Status(201, {"code": submitted.code})
