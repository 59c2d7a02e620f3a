"""Daily and weekly digests: one outbox row per subscriber and period, holding the matches of
the period for every query they follow at that frequency (from when they subscribed). Built in
a few set-wise queries, so 100,000 subscribers take seconds (bench/alerts.py); rendering waits
for sending. Running it twice for a period adds nothing."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from .models import Frequency, Match, OutgoingEmail, Subscription
from .sending import wake

BATCH = 2000
# Matches are kept this long (a weekly digest and its retries), then deleted.
KEEP_MATCHES = datetime.timedelta(days=35)


@dataclass
class DigestReport:
    period: str
    subscribers: int = 0
    changes: int = 0


def window(frequency, now=None):
    """(start, end, period key) of the last whole day, or of the seven days before today."""
    now = timezone.localtime(now or timezone.now())
    end = now.replace(hour=0, minute=0, second=0, microsecond=0)
    days = 7 if frequency == Frequency.WEEKLY else 1
    start = end - datetime.timedelta(days=days)
    return start, end, f"{frequency}:{start.date().isoformat()}"


def build_digests(frequency, now=None):
    start, end, period = window(frequency, now)
    report = DigestReport(period)
    in_window = Match.objects.filter(created_at__gte=start, created_at__lt=end)
    matches = defaultdict(list)  # query key -> [(id, created)]
    for match_id, key, created in in_window.values_list("id", "query_key", "created_at"):
        matches[key].append((match_id, created))
    if not matches:
        return report
    followers = (
        Subscription.objects.filter(
            frequency=frequency, query_key__in=in_window.values("query_key")
        )
        .order_by("subscriber_id")
        .values_list("pk", "subscriber_id", "query_key", "created_at")
    )
    done = set(OutgoingEmail.objects.filter(period=period).values_list("subscriber_id", flat=True))
    rows = []
    current, match_ids, subscription_ids = None, set(), []
    for subscription_id, subscriber_id, key, since in followers.iterator(chunk_size=BATCH):
        if subscriber_id in done:
            continue
        if subscriber_id != current:
            _add(rows, current, period, match_ids, subscription_ids, report)
            current, match_ids, subscription_ids = subscriber_id, set(), []
        subscription_ids.append(subscription_id)
        match_ids.update(match_id for match_id, created in matches[key] if created >= since)
        if len(rows) >= BATCH:
            OutgoingEmail.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    _add(rows, current, period, match_ids, subscription_ids, report)
    OutgoingEmail.objects.bulk_create(rows, ignore_conflicts=True)
    Match.objects.filter(created_at__lt=end - KEEP_MATCHES).delete()
    if report.subscribers:
        wake()
    return report


def _add(rows, subscriber_id, period, match_ids, subscription_ids, report):
    if subscriber_id is None or not match_ids:
        return
    rows.append(
        OutgoingEmail(
            subscriber_id=subscriber_id,
            period=period,
            matches=sorted(match_ids),
            subscriptions=subscription_ids,
        )
    )
    report.subscribers += 1
    report.changes += len(match_ids)
