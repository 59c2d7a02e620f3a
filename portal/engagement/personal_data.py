"""Personal data under Decree 13/2023/NĐ-CP: export or erase one person's data by tracking code,
and erase all of it once its retention period (ENGAGEMENT_RETENTION_DAYS, per kind) is over.
Erasing keeps the submission itself, anonymous, so every count stays true. Other apps that take
personal data erase theirs with the same periods through the hook `register_personal_data_erasure`
(a function of (now, retention days per kind) returning {kind: count}), and answer for their own
tracking codes through `register_personal_data_codes` (a function of (code, staff user)
returning None when the code is not of its kind, else (export, erase): two functions of no
argument, raising Http404 for a code it does not know or the user may not handle)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail import hooks

from . import tracking
from .models import Comment, Question, Report

ERASURE_HOOK = "register_personal_data_erasure"
CODES_HOOK = "register_personal_data_codes"


def _of_another_kind(code, user):
    """(export, erase) of the app whose tracking codes `code` is one of, or None."""
    for find in hooks.get_hooks(CODES_HOOK):
        found = find(code, user)
        if found is not None:
            return found
    return None


def export(code, user=None):
    """Everything held about the sender of this submission, as plain data."""
    other = _of_another_kind(code, user)
    if other is not None:
        return other[0]()
    submission = tracking.find(code, user=user)
    data = {
        "code": submission.code,
        "submitted": submission.created_at.isoformat(),
        "contact": submission.contact.as_dict() if submission.contact else None,
        "erased_at": submission.erased_at.isoformat() if submission.erased_at else None,
    }
    if isinstance(submission, Question):
        data.update(
            title=submission.title,
            text=submission.text,
            attachment=bool(submission.attachment),
        )
    else:
        data.update(
            description=submission.description,
            address=submission.address,
            photos=submission.photos.count(),
        )
    return data


def _erase(submission):
    contact = submission.contact
    submission.contact = None
    submission.erased_at = timezone.now()
    fields = ["contact", "erased_at"]
    if isinstance(submission, Question):
        # The original may name the asker; the published version was redacted by staff.
        submission.text = submission.public_text
        fields.append("text")
        if submission.attachment:
            submission.attachment.delete(save=False)
            fields.append("attachment")
    else:
        for photo in submission.photos.all():
            photo.file.delete(save=False)
            photo.delete()
        submission.address = ""
        submission.latitude = submission.longitude = None
        fields += ["address", "latitude", "longitude"]
    submission.save(update_fields=fields)
    if contact is not None:
        contact.delete()


@transaction.atomic
def erase(code, user=None):
    other = _of_another_kind(code, user)
    if other is not None:
        other[1]()
        return
    _erase(tracking.find(code, user=user))


def _expired(model, days, now):
    cutoff = now - datetime.timedelta(days=days)
    closed_at = "answered_at" if model is Question else "closed_at"
    return model.objects.filter(erased_at__isnull=True).filter(
        Q(**{f"{closed_at}__lt": cutoff})
        | Q(**{f"{closed_at}__isnull": True, "created_at__lt": cutoff})
    )


def erase_expired(now=None):
    """Erase the personal data past its retention period; returns how many per kind."""
    now = now or timezone.now()
    retention = settings.ENGAGEMENT_RETENTION_DAYS
    erased = {}
    for kind, model in (("question", Question), ("report", Report)):
        count = 0
        for submission in _expired(model, retention[kind], now).iterator():
            with transaction.atomic():
                _erase(submission)
            count += 1
        erased[kind] = count
    # A commenter's email (never shown) is only kept as long as a question's sender data.
    cutoff = now - datetime.timedelta(days=retention.get("comment", retention["question"]))
    erased["comment"] = (
        Comment.objects.filter(created_at__lt=cutoff).exclude(email="").update(email="")
    )
    for erase_more in hooks.get_hooks(ERASURE_HOOK):
        erased.update(erase_more(now, retention))
    return erased
