"""`POST /api/subscriptions/` (DESIGN §7), for partner systems: the same form as the public
page; answers 202 once the confirmation email is on its way (nothing is stored before the
subscriber clicks it), 400 naming each bad field, 429 for a flood. Messages follow the client's
Accept-Language (Vietnamese by default)."""

from ninja import Field, Router, Schema, Status

from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _

from portal.api.errors import BadRequestOut, ErrorOut
from portal.core.sites import request_site

from . import subscribing
from .forms import SubscriptionForm
from .models import Frequency
from .views import client_address

PREFIX = ""
router = Router(tags=["alerts"])


class SubscriptionIn(Schema):
    email: str
    kind: str = Field(description="section, topic, legal, search or page")
    section: str = Field("", description="kind=section: slug of a news section.")
    topic: str = Field("", description="kind=topic: slug of a news tag (a special topic's tag).")
    filters: dict[str, list[str]] = Field(
        default_factory=dict,
        description="kind=legal: doc_type, issuer, field, validity (as the legal listing), q.",
    )
    url: str = Field("", description="kind=search: a search address, e.g. /tim-kiem/?q=đất+đai.")
    page: int | None = Field(None, description="kind=page: id of a procedure or legal document.")
    frequency: str = Field(Frequency.IMMEDIATE, description="immediate, daily or weekly")
    language: str = Field("vi", description="Language of the emails: vi or en.")


class AcceptedOut(Schema):
    detail: str


def _bad_request(form):
    errors = [
        {
            "field": field if field != "__all__" else form.problem_field or "request",
            "message": str(message),
        }
        for field, messages in form.errors.items()
        for message in messages
    ]
    detail = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
    return Status(400, {"detail": detail, "errors": errors})


@router.post(
    "/subscriptions/",
    response={202: AcceptedOut, 400: BadRequestOut, 429: ErrorOut},
    summary="Follow content by email (sends a confirmation email)",
)
def subscribe(request, payload: SubscriptionIn):
    with translation.override(translation.get_language_from_request(request)):
        data = payload.dict()
        params = QueryDict(mutable=True)
        for name in ("email", "kind", "section", "topic", "url", "frequency"):
            params[name] = data[name]
        if data["page"] is not None:
            params["page"] = str(data["page"])
        form = SubscriptionForm(params, filters=data["filters"], site=request_site(request))
        if not form.is_valid():
            return _bad_request(form)
        try:
            subscribing.request_subscription(
                form.cleaned_data["email"],
                form.target,
                form.cleaned_data["frequency"],
                data["language"],
                client_address(request),
            )
        except subscribing.TooMany as error:
            return Status(429, {"detail": str(error)})
        return Status(202, {"detail": _("Đã gửi thư xác nhận. Đăng ký bắt đầu khi được xác nhận.")})
