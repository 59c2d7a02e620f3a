"""Email leaves the request: EMAIL_BACKEND is BackgroundEmailBackend, which queues each message
as a background task (django-tasks, as search indexing); the task sends it through
EMAIL_DELIVERY_BACKEND, the backend EMAIL_URL chose. An editor submitting a page for review
never waits for, or fails because of, the mail server.
"""

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend


def as_task_argument(message):
    """The parts of an EmailMessage a task argument can carry (JSON); no attachments."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


@task()
def send_email(message):
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(alternative) for alternative in message["alternatives"]],
    )
    with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
        connection.send_messages([email])


class BackgroundEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            send_email.enqueue(as_task_argument(message))
        return len(email_messages)


# Backends that deliver nothing: mail "sent" through them never reached anyone.
NOT_DELIVERING = {
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
}


def delivers():
    """Whether mail reaches people: EMAIL_URL named a server (or a test's mailbox)."""
    return settings.EMAIL_DELIVERY_BACKEND not in NOT_DELIVERING
