"""Values derived from public content (menus, site settings, header and footer fragments, URL
maps), kept in each process until public content next changes.

The content version is the head of the content event log (every change to public content
writes there) together with the head of Wagtail's log of snippet and settings edits: one query,
read once per request by `ContentVersionMiddleware`. A remembered value is keyed by that version,
so it is never older than the last change, in every process at once, without waiting for a
reader of the log to run. The version also names the last scheduled change of visibility that
has passed (portal.core.visibility.schedule_times), so a page that expires leaves every
remembered listing and cached page at that moment, before the `publish_scheduled` cron runs.
"""

from bisect import bisect_right
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connection
from django.utils import timezone

from wagtail.models import ModelLogEntry

from . import visibility
from .models import ContentEvent

# Entries of older versions are replaced in place; the bound only guards against a key per URL.
MAX_ENTRIES = 20_000

_request_version = ContextVar("content_version", default=None)
_remembered = {}
# {logged version: the sorted times at which a live page goes live or expires}, read once per
# process and logged version.
_schedules = {}


def _schedule(logged):
    times = _schedules.get(logged)
    if times is None:
        times = visibility.schedule_times()
        _schedules.clear()
        _schedules[logged] = times
    return times


def _read_version():
    tables = [model._meta.db_table for model in (ContentEvent, ModelLogEntry)]
    sql = "SELECT " + ", ".join(f"(SELECT MAX(id) FROM {table})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        events, edits = cursor.fetchone()
    logged = f"{events or 0}.{edits or 0}"
    times = _schedule(logged)
    passed = bisect_right(times, timezone.now())
    return f"{logged}.{times[passed - 1].timestamp():.0f}" if passed else logged


def version():
    """The version of public content: the one read for this request, else read now."""
    return _request_version.get() or _read_version()


def remembered(key, compute):
    """`compute()`, computed once per process and content version. `key` (a tuple of plain
    values: site id, language, ...) names everything the value depends on besides content."""
    if not settings.CONTENT_CACHE:
        return compute()
    current = version()
    entry = _remembered.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = compute()
    if len(_remembered) >= MAX_ENTRIES:
        _remembered.clear()
    _remembered[key] = (current, value)
    return value


def clear():
    _remembered.clear()


@contextmanager
def request_version():
    """The content version read once for the code inside (the rest of a request), unless an
    outer block (a middleware before ContentVersionMiddleware) has read it already."""
    if not settings.CONTENT_CACHE or _request_version.get() is not None:
        yield
        return
    token = _request_version.set(_read_version())
    try:
        yield
    finally:
        _request_version.reset(token)


class ContentVersionMiddleware:
    """Reads the content version once per request, for every `remembered` value it uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_version():
            return self.get_response(request)
