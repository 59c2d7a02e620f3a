"""Taking in a request and each step of its handling: one transaction each (nothing is ever
half-saved), a dated public step, and an email to the requester after the commit."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.engagement import codes, notifications
from portal.engagement.intake import _language
from portal.engagement.models import Contact

from . import clock
from .choices import Complexity, RefusalGround, Status
from .models import AnswerAttachment, InformationRequest, RequestStep
from .tracking import mail_context

logger = logging.getLogger(__name__)


class HandlingError(ValueError):
    """A step the law or the request's state does not allow; `field` names what is wrong."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


def _step(request, status, note="", user=None):
    step = RequestStep.objects.create(request=request, status=status, note=note, user=user)
    notifications.notify(request, step, context=mail_context)
    return step


@transaction.atomic
def submit(data, channel="web"):
    contact = Contact.objects.create(
        name=data["name"],
        email=data.get("email") or "",
        phone=data.get("phone") or "",
        address=data["address"],
        consented_at=timezone.now(),
    )
    received_at = data.get("received_at") or timezone.now()
    request = InformationRequest.objects.create(
        code=codes.unique_code(InformationRequest, codes.INFORMATION_REQUEST),
        channel=channel,
        created_at=received_at,
        due=clock.due_on_receipt(timezone.localdate(received_at)),
        language=_language(),
        contact=contact,
        identity_number=data["identity_number"],
        province=data["province"],
        site=data.get("site"),
        subject=data["subject"],
        text=data["text"],
        purpose=data["purpose"],
        delivery=data["delivery"],
    )
    RequestStep.objects.create(
        request=request, status=Status.RECEIVED, created_at=request.created_at
    )
    # Logged by code only: personal data never goes to the logs.
    logger.info("information request received: %s", request.code)
    notifications.notify(request, context=mail_context)
    return request


def _open(request):
    if request.closed:
        raise HandlingError("status", _("Yêu cầu đã được giải quyết xong."))


@transaction.atomic
def classify(request, complexity, user=None):
    """Simple or complex: sets the due date counted from receipt (portal/.../clock.py)."""
    _open(request)
    if complexity not in Complexity.values:
        raise HandlingError("complexity", _("Cần chọn thông tin đơn giản hoặc phức tạp."))
    if request.status == Status.EXTENDED:
        raise HandlingError("complexity", _("Yêu cầu đã được gia hạn, không phân loại lại."))
    request.complexity = complexity
    request.due = clock.due_for(clock.received_on(request), complexity)
    request.status = Status.CLASSIFIED
    request.save(update_fields=["complexity", "due", "status"])
    note = _("%(kind)s; hạn giải quyết %(due)s.") % {
        "kind": Complexity(complexity).label,
        "due": request.due.strftime("%d/%m/%Y"),
    }
    return _step(request, Status.CLASSIFIED, note, user)


@transaction.atomic
def extend(request, reason, user=None):
    """Once, for complex information, with a reason made public (Art. 30(4))."""
    _open(request)
    if request.complexity != Complexity.COMPLEX:
        raise HandlingError("complexity", _("Chỉ gia hạn yêu cầu thông tin phức tạp."))
    if request.status == Status.EXTENDED:
        raise HandlingError("reason", _("Yêu cầu chỉ được gia hạn một lần."))
    if not (reason or "").strip():
        raise HandlingError("reason", _("Cần ghi lý do gia hạn."))
    request.due = clock.extended(request.due)
    request.extension_reason = reason.strip()
    request.status = Status.EXTENDED
    request.save(update_fields=["due", "extension_reason", "status"])
    note = _("%(reason)s Hạn mới: %(due)s.") % {
        "reason": request.extension_reason,
        "due": request.due.strftime("%d/%m/%Y"),
    }
    return _step(request, Status.EXTENDED, note, user)


@transaction.atomic
def answer(request, text, files=(), publish=False, user=None):
    _open(request)
    if not (text or "").strip():
        raise HandlingError("answer", _("Cần nhập nội dung trả lời."))
    request.answer = text.strip()
    request.answer_public = publish
    request.status = Status.ANSWERED
    request.closed_at = timezone.now()
    request.save(update_fields=["answer", "answer_public", "status", "closed_at"])
    for upload in files:
        attachment = AnswerAttachment(request=request, title=upload.name)
        attachment.file.save(upload.name, upload, save=True)
    return _step(request, Status.ANSWERED, "", user)


@transaction.atomic
def refuse(request, ground, note="", user=None):
    """Only on one of the grounds of Art. 28(1), told in writing with the reason (Art. 28(2))."""
    _open(request)
    if ground not in RefusalGround.values:
        raise HandlingError("refusal_ground", _("Cần chọn căn cứ từ chối theo Điều 28."))
    request.refusal_ground = ground
    request.status = Status.REFUSED
    request.closed_at = timezone.now()
    request.save(update_fields=["refusal_ground", "status", "closed_at"])
    reason = str(RefusalGround(ground).label)
    return _step(request, Status.REFUSED, f"{reason}. {note.strip()}".strip(), user)
