"""What the public sees of a request: the register (subject, dates, status, late or not, the
answers the agency chose to publish) and, for whoever holds its code, its steps and answer.
Never the requester's identity, never who on the staff acted."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.public_url import absolute
from portal.engagement import codes, ownership
from portal.engagement.intake import CONTACT_FIELDS, redact

from .choices import Status
from .models import InformationRequest


class MalformedCode(ValueError):
    pass


def on_site(site):
    """The requests the register shows on `site`: its own agency's, every one on the ministry's
    (as a tracking code answers: portal/engagement/ownership.py)."""
    requests = InformationRequest.objects.select_related("site", "contact")
    if site is None or site.is_default_site:
        return requests
    return requests.filter(site=site)


def find(code, *, site=None):
    normal = codes.normalise(code, prefixes=(codes.INFORMATION_REQUEST,))
    if normal is None:
        raise MalformedCode(
            _("Mã theo dõi không đúng dạng: mã gồm YC và 8 ký tự, ví dụ YC-7K4M-2P9X.")
        )
    request = InformationRequest.objects.filter(code=normal).first()
    if request is None or not ownership.answers_on(site, request):
        raise Http404(_("Không tìm thấy yêu cầu có mã %(code)s.") % {"code": normal})
    return request


def _attachments(request, code=None):
    """The answer's files, linked through the code when it is known (an unpublished answer's
    files reach only its holder)."""
    return [
        {
            "title": item.title,
            "url": reverse("information_requests:attachment", args=[code, item.pk])
            if code
            else reverse("information_requests:published_attachment", args=[item.pk]),
        }
        for item in request.attachments.all()
    ]


def public_subject(request):
    """The subject as the register shows it from the start, before staff read it: without the
    requester's own name and contacts, nor any email, phone or ID number (a run of digits)."""
    contact = request.contact
    known = {field: getattr(contact, field, "") if contact else "" for field in CONTACT_FIELDS}
    return redact(request.subject, known)


def register_row(request):
    """One line of the public register; the answer only when the agency published it."""
    published = request.status == Status.ANSWERED and request.answer_public
    return {
        "subject": public_subject(request),
        "agency": request.site.site_name if request.site else "",
        "status": request.status,
        "status_label": str(request.get_status_display()),
        "submitted": timezone.localdate(request.created_at),
        "due": request.due,
        "closed": timezone.localdate(request.closed_at) if request.closed_at else None,
        "overdue": request.overdue,
        "overdue_working_days": request.overdue_working_days,
        "refusal_ground": request.refusal_ground or None,
        "refusal_ground_label": str(request.get_refusal_ground_display()),
        "extension_reason": request.extension_reason,
        "answer": request.answer if published else "",
        "attachments": _attachments(request) if published else [],
    }


def tracked(request):
    """What the holder of the code sees: the register's line, its code, the steps and the answer
    sent to the requester (published or not)."""
    view = register_row(request)
    view.update(
        code=request.code,
        answer=request.answer,
        attachments=_attachments(request, request.code),
        history=[
            {
                "status": step.status,
                "label": str(step.status_label()),
                "date": step.created_at,
                "note": step.note,
            }
            for step in request.history()
        ],
    )
    return view


def track_url(request):
    return absolute(reverse("information_requests:track", args=[request.code]))


def mail_context(request, step):
    """The engagement emails' templates filled for a request (portal/engagement/notifications)."""
    return {"view": tracked(request), "track_url": track_url(request), "answer_url": ""}
