"""Citizens' submissions through the API (DESIGN §7): `POST /api/questions/` and
`POST /api/reports/` answer 201 `{"code": …}`; `GET /api/questions/{code}/` and
`GET /api/reports/{code}/` give the status, the dated public steps and (for a question) the
published answer, never personal data; `GET /api/questions/` lists published answers;
`GET /api/challenge/` gives the challenge a client answers when ENGAGEMENT_CAPTCHA is on (a
trusted partner sends its key in `X-Api-Key` instead).

The API fills the same forms as the public pages, so both check a submission the same way.
Messages follow the client's Accept-Language (Vietnamese by default).
"""

import datetime
import functools

import pydantic
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError

from django.http import Http404
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from portal.api.data_enums import data_enum
from portal.api.errors import BadParameter, BadRequestOut, ErrorOut, require_slug
from portal.api.pagination import PageParams, Paginated, paginate
from portal.api.parsing import load_json
from portal.api.security import PARTNER_KEY
from portal.core.models import Field as FieldTerm
from portal.core.sites import request_site

from . import antiabuse, intake, tracking
from .choices import PROVINCES, ReportCategory
from .forms import QuestionForm, ReportForm
from .listing import published_answers
from .ownership import receiving_site
from .photos import MAX_PHOTOS

PREFIX = ""
router = Router(tags=["engagement"])


def in_user_language(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request)):
            return view(request, *args, **kwargs)

    return wrapper


class CodeOut(Schema):
    code: str = Field(description="The tracking code, e.g. HD-7K4M-2P9X.")


class ChallengeOut(Schema):
    token: str
    question: str


class Challenge(Schema):
    challenge_token: str = ""
    challenge_answer: str = ""


def length(shortest, longest):
    """The lengths the form checks, in the document (the form answers a bad one with 400)."""
    return {"minLength": shortest, "maxLength": longest}


PROVINCE = Field(
    description="One of the 34 provinces and cities (since 1 July 2025); a former province's "
    "name is accepted and taken as the province it joined.",
    json_schema_extra={"enum": PROVINCES},
)
EMAIL = Field("", description="Kept private.", json_schema_extra={"format": "email"})
# A submission without consent is refused (400 naming the field): the document says only true.
CONSENT = Field(
    description="Consent to the processing of personal data (required).",
    json_schema_extra={"enum": [True]},
)


class QuestionIn(Challenge):
    name: str = Field(
        description="Kept private; never published.", json_schema_extra=length(1, 100)
    )
    email: str = EMAIL
    phone: str = ""
    province: str = PROVINCE
    field: str | None = Field(None, description="Slug of a field (lĩnh vực).")
    title: str = Field(json_schema_extra=length(1, 200))
    text: str = Field(json_schema_extra=length(10, 5000))
    exchange: int | None = Field(None, description="Id of the online exchange asked at, if any.")
    consent: bool = CONSENT


class ReportIn(Challenge):
    category: str = Field(
        description="; ".join(f"{value}: {label}" for value, label in ReportCategory.choices),
        json_schema_extra={"enum": list(ReportCategory.values)},
    )
    province: str = PROVINCE
    commune: str = Field("", description="Xã, phường or đặc khu where it happened.")
    district: str = Field(
        "",
        description="Former name of `commune` (the district level was abolished on 1 July 2025): "
        "still accepted, taken as the commune.",
        json_schema_extra={"deprecated": True},
    )
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    occurred_on: datetime.date | None = None
    description: str = Field(json_schema_extra=length(10, 5000))
    name: str = ""
    email: str = EMAIL
    phone: str = ""
    consent: bool = CONSENT


class StepOut(Schema):
    status: str
    label: str
    date: datetime.datetime
    note: str


class AnswerOut(Schema):
    url: str
    text: str = Field(description="The answer as HTML.")
    date: datetime.date


class TrackedOut(Schema):
    code: str
    status: str
    status_label: str
    submitted: datetime.date
    history: list[StepOut]


class QuestionStatusOut(TrackedOut):
    title: str
    answer: AnswerOut | None


class ReportStatusOut(TrackedOut):
    category: str
    category_label: str
    deadline: datetime.date = Field(description="Counted in working days from receipt.")
    overdue: bool = Field(description="Still open after its deadline.")
    overdue_working_days: int = Field(description="Working days past the deadline (0: on time).")


class PublishedAnswerOut(Schema):
    code: str
    title: str
    question: str
    answer: str
    field: str | None
    answered_on: datetime.date
    url: str


class AnswerFilters(Schema):
    field: str | None = Field(None, description="Slug of a field (lĩnh vực).")
    year: int | None = Field(None, ge=2000, le=2100, description="Year of the answer.")


SUBMIT_RESPONSES = {201: CodeOut, 400: BadRequestOut, 415: ErrorOut, 429: ErrorOut}


def _bad_request(form_errors):
    errors = [
        {"field": field, "message": str(message)}
        for field, messages in form_errors.items()
        for message in messages
    ]
    detail = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
    return Status(400, {"detail": detail, "errors": errors})


def antiabuse_refusal(request, data):
    """The answer when the rate limit (429) or the challenge (400) refuses a submission whose
    body is `data`, else None: the same for every API that takes citizens' submissions."""
    if antiabuse.at_limit(request):
        return Status(429, {"detail": antiabuse.try_again_message(request)})
    if antiabuse.captcha_enabled() and not antiabuse.trusted_partner(request):
        error = antiabuse.check_challenge(data["challenge_token"], data["challenge_answer"])
        if error:
            return _bad_request({"challenge_answer": [error]})
    return None


def _submit(request, payload, form_class, submit, files=None, created=lambda case: {}):
    """201 with the new case's code and `created(case)`'s fields, or the 400/429 saying why."""
    data = payload.dict()
    refusal = antiabuse_refusal(request, data)
    if refusal is not None:
        return refusal
    form = form_class(data={k: v for k, v in data.items() if v is not None}, files=files)
    if not form.is_valid():
        return _bad_request(form.errors)
    antiabuse.count_accepted(request)
    site = receiving_site(request, form.cleaned_data["province"])
    case = submit({**form.cleaned_data, "site": site}, channel="api")
    return Status(201, {"code": case.code, **created(case)})


def _payload(request, schema, file_field):
    """(schema instance, files) from a JSON body, or from a multipart form whose `file_field`
    carries the files (a report's photos, a question's attachment). Any other body (text/plain,
    which a page on another site can send without asking) is a 415."""
    if request.content_type not in ("application/json", "multipart/form-data"):
        raise HttpError(
            415, _("Chỉ nhận nội dung JSON (application/json) hoặc multipart/form-data.")
        )
    if request.content_type == "multipart/form-data":
        data = {key: value for key, value in request.POST.items() if value != ""}
        files = MultiValueDict({file_field: request.FILES.getlist(file_field)})
    else:
        try:
            data = load_json(request.body or b"null")
        except ValueError:
            raise BadParameter("body", _("Nội dung gửi không phải JSON hợp lệ.")) from None
        files = None
    if not isinstance(data, dict):
        raise BadParameter("body", _("Nội dung gửi không phải JSON hợp lệ."))
    try:
        return schema.model_validate(data), files
    except pydantic.ValidationError as error:
        raise ValidationError([{**e, "loc": ("body", *e["loc"])} for e in error.errors()]) from None


def _request_body(schema, file_field, file_schema):
    """Both ways of sending, for the OpenAPI document: JSON, or a multipart form with the same
    fields plus the files."""
    fields = schema.model_json_schema()
    multipart = {**fields, "properties": {**fields["properties"], file_field: file_schema}}
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": fields},
                "multipart/form-data": {"schema": multipart},
            },
        },
        # Anyone may send (answering the challenge); a trusted partner's key skips it.
        "security": [{}, {PARTNER_KEY: []}],
    }


PHOTOS = {
    "type": "array",
    "items": {"type": "string", "format": "binary"},
    "maxItems": MAX_PHOTOS,
    "description": "Up to 5 photos (JPEG, PNG, WebP), checked by content, size and pixel count.",
}
ATTACHMENT = {
    "type": "string",
    "format": "binary",
    "description": "One optional file: PDF, image (JPEG, PNG, WebP) or Word .docx, checked by "
    "content and size. Only staff ever see it.",
}


@router.get("/challenge/", response=ChallengeOut, summary="A challenge for the next submission")
@in_user_language
def challenge(request):
    token, question = antiabuse.new_challenge()
    return {"token": token, "question": question}


@router.post(
    "/questions/",
    response=SUBMIT_RESPONSES,
    summary="Ask a question",
    description="A JSON body, or a multipart form with the same fields and an `attachment`.",
    openapi_extra=_request_body(QuestionIn, "attachment", ATTACHMENT),
)
@in_user_language
def ask(request):
    payload, files = _payload(request, QuestionIn, "attachment")
    return _submit(request, payload, QuestionForm, intake.submit_question, files)


def field_slugs():
    return FieldTerm.objects.order_by("name").values_list("slug", flat=True)


data_enum("/api/questions/", "post", "field", field_slugs)


@router.post(
    "/reports/",
    response=SUBMIT_RESPONSES,
    summary="Send feedback or a report",
    description="A JSON body, or a multipart form with the same fields and up to 5 `photos`.",
    openapi_extra=_request_body(ReportIn, "photos", PHOTOS),
)
@in_user_language
def report(request):
    payload, files = _payload(request, ReportIn, "photos")
    payload.commune = payload.commune or payload.district
    return _submit(request, payload, ReportForm, intake.submit_report, files)


def _tracked(request, code, prefix):
    if not antiabuse.take_lookup_slot(request):
        raise HttpError(429, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau."))
    try:
        submission = tracking.find(code, site=request_site(request))
    except tracking.MalformedCode as error:
        raise BadParameter("code", str(error)) from None
    if not submission.code.startswith(prefix):
        raise Http404(_("Không tìm thấy hồ sơ có mã %(code)s.") % {"code": submission.code})
    return tracking.public_view(submission)


@router.get(
    "/questions/{code}/",
    response={200: QuestionStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="A question's status and published answer",
)
@in_user_language
def question_status(request, code: str):
    return _tracked(request, code, "HD")


@router.get(
    "/reports/{code}/",
    response={200: ReportStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="A report's status and history",
)
@in_user_language
def report_status(request, code: str):
    return _tracked(request, code, "PA")


@router.get(
    "/questions/",
    response={200: Paginated[PublishedAnswerOut], 404: ErrorOut},
    summary="Published answers, filtered",
)
@in_user_language
def answers(request, filters: Query[AnswerFilters], pages: Query[PageParams]):
    if filters.field:
        require_slug(FieldTerm, "field", filters.field, "field")
    page = paginate(published_answers(filters.field, filters.year, request_site(request)), pages)
    page["results"] = [
        {
            "code": answer.code,
            "title": answer.title,
            "question": answer.question,
            "answer": answer.answer,
            "field": answer.field.slug if answer.field else None,
            "answered_on": answer.answered_on,
            "url": answer.get_full_url(request),
        }
        for answer in page["results"]
    ]
    return page
