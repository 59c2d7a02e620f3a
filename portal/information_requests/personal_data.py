"""The requester's data once its retention period is over (the question's, unless
ENGAGEMENT_RETENTION_DAYS names "information_request"): the contact, identity number, purpose
and the request's text as written (which may name them) are erased; the request stays,
anonymous, in the register and the figures."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import InformationRequest


def export(request):
    """Everything held about the requester of `request`, as plain data."""
    contact = request.contact
    return {
        "code": request.code,
        "submitted": request.created_at.isoformat(),
        "contact": contact.as_dict() if contact else None,
        "identity_number": request.identity_number,
        "purpose": request.purpose,
        "subject": request.subject,
        "text": request.text,
        "erased_at": request.erased_at.isoformat() if request.erased_at else None,
    }


def erase(request):
    contact = request.contact
    request.contact = None
    request.identity_number = request.purpose = request.text = ""
    request.erased_at = timezone.now()
    request.save(update_fields=["contact", "identity_number", "purpose", "text", "erased_at"])
    if contact is not None:
        contact.delete()


def erase_expired(now, retention):
    days = retention.get("information_request", retention["question"])
    cutoff = now - datetime.timedelta(days=days)
    expired = InformationRequest.objects.filter(erased_at__isnull=True).filter(
        Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, created_at__lt=cutoff)
    )
    count = 0
    for request in expired.iterator():
        with transaction.atomic():
            erase(request)
        count += 1
    return {"information_request": count}
