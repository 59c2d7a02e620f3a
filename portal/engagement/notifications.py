"""Emails to the person who sent a question or report, when one was given: the receipt with the
tracking code, then each change of status (a report's steps, a question answered or closed).

Each email is in the sender's language, as plain text and HTML, and says only what the public
tracking page says (code, status, public note, link): never who on the staff acted, never anyone
else's data. It is sent after the transaction commits, through the background mail backend; a
mail server that is down is logged (by code only) and never fails the staff's action.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.core.public_url import absolute

logger = logging.getLogger(__name__)


def _recipient(submission):
    contact = submission.contact
    if contact is None or not contact.email or submission.erased_at:
        return None
    return contact.email


def notify(submission, step=None, context=None):
    """Queue the email about `step` (a StatusChange; None for the receipt) to the sender.
    `context(submission, step)` gives the templates' `view`, `track_url` and `answer_url` for
    a kind of case other than questions and reports (portal/information_requests)."""
    email = _recipient(submission)
    if email is None:
        return
    transaction.on_commit(lambda: _deliver(submission, step, email, context or _context))


def _deliver(submission, step, email, context):
    try:
        message = _message(submission, step, email, context)
        message.send()
    except Exception as error:  # the mail server is down or refuses: the staff's work stands
        # The error's class only: its message may quote the address.
        logger.warning("email about %s not sent: %s", submission.code, type(error).__name__)


def _language(submission):
    known = {code for code, _ in settings.LANGUAGES}
    return submission.language if submission.language in known else settings.LANGUAGE_CODE


def _context(submission, step):
    from .tracking import public_view

    view = public_view(submission)
    answer = view["answer"]
    return {
        "view": view,
        "track_url": absolute(reverse("engagement:track", args=[submission.code])),
        "answer_url": absolute(answer["url"]) if answer and answer["url"] else "",
    }


def _message(submission, step, email, build):
    with translation.override(_language(submission)):
        context = {**build(submission, step), "step": step}
        subject = render_to_string("engagement/email/subject.txt", context).strip()
        text = render_to_string("engagement/email/status.txt", context)
        html = render_to_string("engagement/email/status.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, None, [email])
    message.attach_alternative(html, "text/html")
    return message
