"""The outbox: each alert or digest is claimed by one worker (a conditional update, which only
one of several workers can win), rendered in the subscriber's language and sent over the
delivery backend EMAIL_URL chose. A refusal leaves it pending with a growing delay; after
MAX_ATTEMPTS it is marked failed and counted in the admin. ALERTS_SEND_RATE caps the messages
per minute across all workers (counted in the shared cache)."""

import datetime
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django_tasks import task

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import OperationalError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.mail import delivers

from . import changes
from .models import Match, OutgoingEmail, Subscription
from .subscribing import absolute, link, manage_token, unsubscribe_token

logger = logging.getLogger(__name__)
Status = OutgoingEmail.Status
MAX_ATTEMPTS = 8
MAX_DELAY = datetime.timedelta(hours=6)
# A message claimed this long ago by a worker that never finished (it died) is claimed again.
STALE_CLAIM = datetime.timedelta(minutes=10)
CLAIM_CANDIDATES = 20


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    rate_limited: bool = False


def retry_delay(attempts):
    return min(datetime.timedelta(minutes=2 ** max(0, attempts - 1)), MAX_DELAY)


def claim_next(now):
    """An email this worker alone now sends, or None."""
    due = OutgoingEmail.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
    stale = OutgoingEmail.objects.filter(status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
    for queryset, status in ((due, Status.PENDING), (stale, Status.SENDING)):
        for pk, claimed_at in queryset.order_by("pk").values_list("pk", "claimed_at")[
            :CLAIM_CANDIDATES
        ]:
            won = OutgoingEmail.objects.filter(pk=pk, status=status, claimed_at=claimed_at).update(
                status=Status.SENDING, claimed_at=now
            )
            if won:
                return OutgoingEmail.objects.select_related("subscriber").get(pk=pk)
    return None


def take_send_slot(now):
    key = f"alerts-send:{now:%Y%m%d%H%M}"
    cache.add(key, 0, 120)
    try:
        return cache.incr(key) <= settings.ALERTS_SEND_RATE
    except ValueError:
        cache.set(key, 1, 120)
        return True


def send_due(now=None):
    """Send what is due until the outbox is empty or the minute's quota is spent."""
    report = SendReport()
    if not delivers():
        # Without EMAIL_URL nothing is sent: the outbox keeps its messages (never printed, never
        # marked sent) until a mail server is configured.
        waiting = OutgoingEmail.objects.filter(status=Status.PENDING).count()
        logger.info("alerts: %s messages wait for EMAIL_URL", waiting)
        return report
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    while True:
        now = now_or(now)
        try:
            email = claim_next(now)
        except OperationalError:  # another worker holds the (SQLite) database: next run
            logger.info("alerts: outbox busy, leaving the rest to the next run")
            break
        if email is None:
            break
        if not take_send_slot(now):
            OutgoingEmail.objects.filter(pk=email.pk).update(status=Status.PENDING, claimed_at=None)
            report.rate_limited = True
            schedule(now.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1))
            break
        try:
            message = compose(email)
            if message is not None:
                connection.send_messages([message])
        except Exception as error:  # the mail server refused or is down: retry later
            _failed(email, error, now)
            report.failed += 1
        else:
            row = OutgoingEmail.objects.filter(pk=email.pk)
            if message is None:
                # Every subscription it was for has ended: nothing went out, so it is not
                # counted or marked as sent; there is nothing left to retry either.
                when_free(row.delete)
                continue
            when_free(partial(row.update, status=Status.SENT, sent_at=now))
            report.sent += 1
    connection.close()
    return report


def when_free(write, attempts=100, pause=0.05):
    """Write once the database is free: a sent message must be marked sent, or it would be
    claimed again later (SQLite lets one writer at a time)."""
    for _attempt in range(attempts - 1):
        try:
            return write()
        except OperationalError:
            time.sleep(pause)
    return write()


def now_or(fixed):
    return fixed or timezone.now()


def _failed(email, error, now):
    attempts = email.attempts + 1
    status = Status.FAILED if attempts >= MAX_ATTEMPTS else Status.PENDING
    retry_at = now + retry_delay(attempts)
    when_free(
        lambda: OutgoingEmail.objects.filter(pk=email.pk).update(
            status=status,
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=retry_at,
            claimed_at=None,
        )
    )
    # The error's kind only: a mail server's message may quote the address, kept out of logs.
    logger.warning(
        "alerts: email %s not sent (attempt %s): %s", email.pk, attempts, type(error).__name__
    )
    if status == Status.PENDING:
        schedule(retry_at)


def compose(email):
    """The message for an outbox row, or None when nothing it named is left."""
    subscriber = email.subscriber
    subscriptions = {
        s.query_key: s for s in Subscription.objects.filter(pk__in=email.subscriptions)
    }
    grouped = defaultdict(list)
    for match in Match.objects.filter(pk__in=email.matches).order_by("pk"):
        subscription = subscriptions.get(match.query_key)
        if subscription is not None:
            grouped[subscription.label].append(match.change)
    if not grouped:
        return None
    language = subscriber.language
    with translation.override(language):
        groups = [
            {
                "label": label,
                "changes": [
                    {**item, "url": _absolute(item["url"]), "text": changes.render(item)}
                    for item in items
                ],
            }
            for label, items in grouped.items()
        ]
        unsubscribe_url = link(
            "unsubscribe", unsubscribe_token(subscriber, list(email.subscriptions)), language
        )
        context = {
            "groups": groups,
            "digest": bool(email.period),
            "manage_url": link("manage", manage_token(subscriber), language),
            "unsubscribe_url": unsubscribe_url,
        }
        count = sum(len(group["changes"]) for group in groups)
        if email.period:
            subject = _("Tổng hợp %(count)s thay đổi bạn theo dõi") % {"count": count}
        else:
            first = groups[0]["changes"][0]
            subject = f"{first['text']}: {first['title']}"[:200]
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("alerts/email/alert.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("alerts/email/alert.html", context), "text/html"
        )
    return message


def _absolute(url):
    return absolute(url) if url.startswith("/") else url


def schedule(when):
    try:
        send_alerts.using(run_after=when).enqueue()
    except Exception:  # the immediate backend cannot delay: `manage.py alerts send` (cron)
        logger.info("alerts: next send left to `manage.py alerts send`")


@task()
def send_alerts():
    send_due()


def wake():
    """Ask for a send run without ever failing the caller (the log consumer, after commit)."""
    try:
        send_alerts.enqueue()
    except Exception:
        logger.exception("alerts: could not enqueue sending; run `manage.py alerts send`")


def failure_count():
    return OutgoingEmail.objects.filter(status=Status.FAILED).count()
