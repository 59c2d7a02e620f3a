"""Taking in a submission: one transaction, so nothing is ever half-saved; the tracking code is
given at once (on screen, and by email when an address was given)."""

import logging
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from . import codes, notifications
from .choices import QuestionStatus, ReportStatus
from .models import Contact, Question, Report, ReportPhoto, StatusChange
from .models.submissions import deadline_from

logger = logging.getLogger(__name__)
CONTACT_FIELDS = ("name", "email", "phone", "address")


def _contact(data):
    values = {field: data.get(field) or "" for field in CONTACT_FIELDS if field != "address"}
    if not any(values.values()):
        return None
    return Contact.objects.create(**values, consented_at=timezone.now())


def _received(submission):
    # Logged by code only: personal data never goes to the logs.
    logger.info("%s received: %s", type(submission).__name__.lower(), submission.code)
    notifications.notify(submission)


def _language():
    """The language the sender used (the page's, or the API client's Accept-Language)."""
    current = (translation.get_language() or "").split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return current if current in known else settings.LANGUAGE_CODE


@transaction.atomic
def submit_question(data, channel="web"):
    question = Question.objects.create(
        code=codes.unique_code(Question, codes.QUESTION),
        channel=channel,
        created_at=data.get("received_at") or timezone.now(),
        language=_language(),
        contact=_contact(data),
        province=data["province"],
        site=data.get("site"),
        field=data.get("field"),
        exchange=data.get("exchange"),
        title=data["title"],
        text=data["text"],
        public_text=redact(data["text"], data),
        publishable=data.get("publishable", True),
    )
    if data.get("attachment"):
        upload, extension = data["attachment"]
        question.attachment.save(f"attachment.{extension}", upload, save=True)
    StatusChange.objects.create(
        question=question, status=QuestionStatus.RECEIVED, created_at=question.created_at
    )
    _received(question)
    return question


@transaction.atomic
def submit_report(data, channel="web"):
    report = Report.objects.create(
        code=codes.unique_code(Report, codes.REPORT),
        channel=channel,
        created_at=data.get("received_at") or timezone.now(),
        language=_language(),
        contact=_contact(data),
        category=data["category"],
        province=data["province"],
        site=data.get("site"),
        commune=data.get("commune") or "",
        address=data.get("address") or "",
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        occurred_on=data.get("occurred_on"),
        description=data["description"],
        publishable=data.get("publishable", True),
    )
    if data.get("received_at"):  # a letter received days ago: its deadline runs from then
        report.deadline = deadline_from(timezone.localdate(report.created_at))
        report.save(update_fields=["deadline"])
    for upload, extension, width, height in data.get("photos") or []:
        photo = ReportPhoto(report=report, width=width, height=height)
        photo.file.save(f"photo.{extension}", upload, save=True)
    StatusChange.objects.create(
        report=report, status=ReportStatus.RECEIVED, created_at=report.created_at
    )
    _received(report)
    return report


def redact(text, data):
    """The text with the sender's own name, email and phone blanked, and any email address or
    phone number: the starting point of the version staff publish."""

    for field in CONTACT_FIELDS:
        value = (data.get(field) or "").strip()
        if len(value) >= 3:
            text = re.sub(re.escape(value), "[…]", text, flags=re.IGNORECASE)
    text = re.sub(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "[…]", text)
    return re.sub(r"(?<!\d)(\+?\d[\d .-]{7,13}\d)(?!\d)", "[…]", text)
