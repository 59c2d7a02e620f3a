"""Recording a change note (through the publishing service, so caches, feeds and alerts learn
of it from the content event log) and reading a page's public history."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.core.content_cache import remembered
from portal.core.publishing import page_changed

from .models import ChangeNote

Kind = ChangeNote.Kind
PUBLIC_KINDS = (Kind.MAJOR, Kind.CORRECTION)
CORRECTION_SHOWN = datetime.timedelta(days=30)
# The content event's change name: a correction is news to the page's followers; a major
# change was already mailed when it was published.
CORRECTION_CHANGE, NOTE_CHANGE = "correction", "change_note"
EVENT_CHANGE = {Kind.CORRECTION: CORRECTION_CHANGE, Kind.MAJOR: NOTE_CHANGE}


def record_note(page, revision, kind, note):
    """Store what kind of change `revision` of `page` was; a public note changes the page."""
    with transaction.atomic():
        saved, _created = ChangeNote.objects.update_or_create(
            page_id=page.pk, revision=revision, defaults={"kind": kind, "note": note.strip()}
        )
        if kind in PUBLIC_KINDS:
            page_changed(page, [EVENT_CHANGE[kind]], bump=False, data={"note": saved.note})
    return saved


def pages_with_notes():
    """The ids of the pages that have a public note, remembered until content changes (a public
    note is a content event): most pages have none, and then cost no query."""
    noted = ChangeNote.objects.filter(kind__in=PUBLIC_KINDS).values_list("page_id", flat=True)
    return remembered(("changes:pages",), lambda: frozenset(noted))


def history(page):
    """The page's major changes and corrections, newest first."""
    if page.pk not in pages_with_notes():
        return []
    return list(ChangeNote.objects.filter(page_id=page.pk, kind__in=PUBLIC_KINDS))


def current_correction(notes, now=None):
    """Of a page's public notes, the correction still announced at its top, or None."""
    since = (now or timezone.now()) - CORRECTION_SHOWN
    return next((n for n in notes if n.kind == Kind.CORRECTION and n.created_at >= since), None)


def latest_notes(page_ids):
    """{page id: its newest public note} for these pages (the change feeds)."""
    notes = {}
    for note in ChangeNote.objects.filter(page_id__in=page_ids, kind__in=PUBLIC_KINDS):
        notes.setdefault(note.page_id, note)
    return notes


def latest_correction(page_id):
    return ChangeNote.objects.filter(page_id=page_id, kind=Kind.CORRECTION).first()
