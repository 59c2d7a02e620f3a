"""Requests for information through the API (DESIGN §8): `POST /api/information-requests/`
answers 201 `{"code", "due"}`; `GET /api/information-requests/{code}/` gives the status, dates,
steps and answer to the holder of the code; `GET /api/information-requests/` is the public
register. Never the requester's identity.

A submission is JSON only (415 otherwise) and goes through the engagement app's anti-abuse (rate
limit, challenge or partner key) and the public page's form."""

import datetime

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from django.http import HttpResponse
from django.utils.translation import gettext as _

from portal.api.errors import BadParameter, BadRequestOut, ErrorOut
from portal.api.pagination import PageParams, Paginated, paginate
from portal.api.security import PARTNER_KEY
from portal.core.sites import request_site
from portal.engagement import antiabuse
from portal.engagement.api import (
    EMAIL,
    PROVINCE,
    Challenge,
    StepOut,
    _payload,
    _submit,
    in_user_language,
    length,
)

from . import handling, tracking
from .choices import Delivery, RefusalGround, Status
from .forms import RequestForm

PREFIX = "information-requests/"
router = Router(tags=["information requests"])
PRIVATE = "Kept private: only the receiving agency's staff see it."


def _enum(choices):
    return {
        "description": "; ".join(f"{value}: {label}" for value, label in choices.choices),
        "json_schema_extra": {"enum": list(choices.values)},
    }


class RequestIn(Challenge):
    name: str = Field(description=PRIVATE, json_schema_extra=length(1, 100))
    address: str = Field(description=PRIVATE, json_schema_extra=length(1, 255))
    province: str = PROVINCE
    identity_number: str = Field(
        description="Personal identification, citizen ID or passport number. " + PRIVATE,
        json_schema_extra={"pattern": "^[A-Za-z0-9]{8,12}$"},
    )
    phone: str = Field("", description=PRIVATE)
    email: str = EMAIL
    subject: str = Field(
        description="A summary of the information asked for, shown in the public register.",
        json_schema_extra=length(1, 200),
    )
    text: str = Field(
        description="The documents, files or records asked for.", json_schema_extra=length(10, 5000)
    )
    delivery: str = Field(**_enum(Delivery))
    purpose: str = Field(description="Reason and purpose.", json_schema_extra=length(5, 2000))
    consent: bool = Field(description="Consent to the processing of personal data (required).")


class CreatedOut(Schema):
    code: str = Field(description="The tracking code, e.g. YC-7K4M-2P9X.")
    due: datetime.date = Field(
        description="Due date of the first answer: 3 working days after receipt (Art. 30)."
    )


class AttachmentOut(Schema):
    title: str
    url: str


class RegisterOut(Schema):
    subject: str
    agency: str
    status: str = Field(**_enum(Status))
    status_label: str
    submitted: datetime.date
    due: datetime.date = Field(description="Counted in working days from receipt.")
    closed: datetime.date | None = Field(description="When it was answered or refused.")
    overdue: bool = Field(
        description="Past its due date: still open today, or answered or refused late."
    )
    overdue_working_days: int
    refusal_ground: str | None = Field(
        description=_enum(RefusalGround)["description"],
        json_schema_extra={"enum": [*RefusalGround.values, None]},
    )
    refusal_ground_label: str
    extension_reason: str
    answer: str = Field(description="The answer, when the agency published it (else empty).")
    attachments: list[AttachmentOut]


class TrackedOut(RegisterOut):
    code: str
    history: list[StepOut]


@router.post(
    "",
    response={201: CreatedOut, 400: BadRequestOut, 415: ErrorOut, 429: ErrorOut},
    summary="Request information (Law 104/2016/QH13 Art. 24)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": RequestIn.model_json_schema()}},
        },
        "security": [{}, {PARTNER_KEY: []}],
    },
)
@in_user_language
def ask(request):
    if request.content_type != "application/json":
        raise HttpError(415, _("Chỉ nhận nội dung JSON (application/json)."))
    payload, _files = _payload(request, RequestIn, "")
    return _submit(
        request, payload, RequestForm, handling.submit, created=lambda made: {"due": made.due}
    )


@router.get(
    "{code}/",
    response={200: TrackedOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    summary="A request's status, steps and answer, by its code",
)
@in_user_language
def status(request, response: HttpResponse, code: str):
    # The answer, even one not published, is the requester's alone: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store"
    if not antiabuse.take_lookup_slot(request):
        raise HttpError(429, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau."))
    try:
        return tracking.tracked(tracking.find(code, site=request_site(request)))
    except tracking.MalformedCode as error:
        raise BadParameter("code", str(error)) from None


@router.get(
    "", response={200: Paginated[RegisterOut], 404: ErrorOut}, summary="The public register"
)
@in_user_language
def register(request, response: HttpResponse, pages: Query[PageParams]):
    # Staff steps write no content event, which the API's validators follow: revalidate always.
    response["Cache-Control"] = "no-cache"
    requests = tracking.on_site(request_site(request)).prefetch_related("attachments")
    page = paginate(requests, pages)
    page["results"] = [tracking.register_row(item) for item in page["results"]]
    return page
