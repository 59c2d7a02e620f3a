"""Alerts read the content event log as the consumer "alerts": each event is matched against
the followed queries once (the log's position moves in the same transaction as the matches and
the immediate emails, and a match is unique per query and event), so a change is never sent
twice however many workers run. Sending happens after the commit, from the outbox, so a mail
server that refuses never holds back publishing nor the log."""

import logging
from collections import defaultdict

from django.db import OperationalError, transaction

from wagtail.models import Page

from portal.changes.history import NOTE_CHANGE
from portal.core.publishing import register_consumer
from portal.core.publishing.consumers import run_consumer
from portal.core.publishing.snippets import is_part_change
from search.collect import documents_of_pages

from . import changes, relevance, sending
from .following import matches, query_key
from .models import Frequency, Match, OutgoingEmail, Subscription

logger = logging.getLogger(__name__)
CONSUMER = "alerts"


def followed_queries():
    """{query_key: query} of every followed query (not single pages)."""
    rows = Subscription.objects.exclude(kind=Subscription.Kind.PAGE).values_list(
        "query_key", "query"
    )
    return dict(rows.order_by().iterator(chunk_size=5000))


@register_consumer(CONSUMER)
def follow_log(events):
    # A comment published under a page is not a change to what its followers follow, nor the
    # note of a major change already mailed when it was published (a correction is news).
    events = [
        event
        for event in events
        if event.page_id and not is_part_change(event) and event.changes != [NOTE_CHANGE]
    ]
    if not events or not Subscription.objects.exists():
        return
    page_ids = {event.page_id for event in events}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    docs = {doc.page_id: doc for doc in documents_of_pages(page_ids) if not doc.article}
    queries = followed_queries()
    relevant = relevance.ShownFirst(queries)
    found = []  # (query_key, event id, description)
    for event in events:
        page, doc = pages.get(event.page_id), docs.get(event.page_id)
        found.extend(_matches(event, page, doc, queries, relevant))
        if doc is not None and page is not None:
            for replaced in changes.replaced_documents(page):
                for target_doc in documents_of_pages([replaced.pk]):
                    if not target_doc.article:
                        described = changes.change("replaced", target_doc, number=doc.id)
                        found.extend(
                            (key, event.id, described)
                            for key in _keys_for(target_doc.page_id, target_doc, queries, relevant)
                        )
    if found:
        record_matches(found)


def _matches(event, page, doc, queries, relevant):
    described = changes.describe(event, page, doc)
    keys = _keys_for(event.page_id, doc, queries, relevant)
    return [(key, event.id, described) for key in keys]


def _keys_for(page_id, doc, queries, relevant):
    """The followed queries this document meets: its own page, the queries whose filters and
    words it meets and, for a query with words, only when the search page shows it first for
    them (alerts.relevance)."""
    keys = [query_key({"page": page_id})]
    if doc is not None:
        keys.extend(
            key
            for key, query in queries.items()
            if matches(query, doc) and (not query.get("q") or relevant.shows(key, doc))
        )
    return keys


def record_matches(found):
    keys = {key for key, _event, _described in found}
    followed = set(
        Subscription.objects.filter(query_key__in=keys).values_list("query_key", flat=True)
    )
    rows = [
        Match(query_key=key, event_id=event_id, change=described)
        for key, event_id, described in found
        if key in followed
    ]
    if not rows:
        return
    Match.objects.bulk_create(rows, ignore_conflicts=True)
    event_ids = {row.event_id for row in rows}
    stored = Match.objects.filter(event_id__in=event_ids, query_key__in=followed)
    by_key = defaultdict(list)
    for match_id, key in stored.values_list("id", "query_key"):
        by_key[key].append(match_id)
    queue_immediate(by_key)


def queue_immediate(match_ids_by_key):
    """One email per subscriber following any of these queries immediately."""
    per_subscriber = defaultdict(lambda: (set(), set()))
    immediate = Subscription.objects.filter(
        frequency=Frequency.IMMEDIATE, query_key__in=list(match_ids_by_key)
    ).values_list("pk", "subscriber_id", "query_key")
    for subscription_id, subscriber_id, key in immediate:
        match_ids, subscription_ids = per_subscriber[subscriber_id]
        match_ids.update(match_ids_by_key[key])
        subscription_ids.add(subscription_id)
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            subscriber_id=subscriber_id, matches=sorted(ids), subscriptions=sorted(subscriptions)
        )
        for subscriber_id, (ids, subscriptions) in per_subscriber.items()
    )
    if per_subscriber:
        transaction.on_commit(sending.wake)


def work():
    """One worker's turn: read the log as the alerts consumer, then send what is due. When
    another worker holds the database (SQLite: one writer at a time), its turn covers both."""
    try:
        run_consumer(CONSUMER)
    except OperationalError as error:
        logger.info("alerts: log busy (%s); another worker reads it", error)
    return sending.send_due()
