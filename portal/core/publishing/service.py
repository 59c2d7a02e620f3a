"""The one way live content changes: every importer and every code path that changes a page the
public can see calls these functions (or publishes through Wagtail, whose signals end here too).

Each change leaves a log entry for the page's history, with the actor (an editor, or an import
run and its file), and one content event in the same transaction. `last_published_at` moves only
on a real change: callers say what changed, and nothing is written for an unchanged page.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry, Page, PageLogEntry

from .actors import Actor, current_actor
from .events import Action, event_for, record, record_events

IMPORT = "portal.import"
VALIDITY = "portal.validity"
CHANGE = "portal.change"

_recording = ContextVar("publishing_service_recording", default=False)


@contextmanager
def _service_records():
    """Wagtail's signals sent meanwhile are the service's own: do not record them twice."""
    token = _recording.set(True)
    try:
        yield
    finally:
        _recording.reset(token)


def service_is_recording():
    return _recording.get()


def _publish_action(actor):
    return IMPORT if actor.is_import else "wagtail.publish"


def _log_entry(page, action, actor, *, revision=None, data=None, timestamp=None, changed=True):
    return PageLogEntry(
        content_type_id=page.content_type_id,
        page_id=page.pk,
        label=page.get_admin_display_title(),
        action=action,
        revision=revision,
        timestamp=timestamp or timezone.now(),
        uuid=uuid.uuid4(),
        user_id=actor.user_id,
        content_changed=changed,
        data={**actor.log_data(), **(data or {})},
    )


def log_created(pages, revisions=None, timestamp=None, *, with_create=True):
    """Log entries and events for pages just inserted live. `with_create`: also the creation
    entry, which a raw insert (the bulk writer) does not get from Wagtail's `Page.save()`."""
    actor = current_actor()
    revisions = revisions or [None] * len(pages)
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        if with_create:
            entries.append(_log_entry(page, "wagtail.create", actor, revision=revision))
        entries.append(_log_entry(page, _publish_action(actor), actor, revision=revision))
    for entry in entries:
        entry.timestamp = timestamp or entry.timestamp
    PageLogEntry.objects.bulk_create(entries)
    record_events([event_for(page, Action.CREATED, actor=actor) for page in pages])


def page_created(page):
    """A page saved live by `Page.save()` (which logged its creation) outside a publish."""
    log_created([page], with_create=False)


def page_changed(page, changes, *, action=Action.CHANGED, bump=True, data=None):
    """A live page's fields or parts changed outside a Wagtail publish (an import without
    revisions, an article edit, extracted attachment text)."""
    changes = sorted(set(changes))
    if not changes:
        return None
    actor = current_actor()
    now = timezone.now()
    if bump and page.live:
        Page.objects.filter(pk=page.pk).update(last_published_at=now)
        page.last_published_at = now
    log_action = (
        VALIDITY if action == Action.VALIDITY_CHANGED else (IMPORT if actor.is_import else CHANGE)
    )
    entry = _log_entry(page, log_action, actor, data={"changes": changes, **(data or {})})
    entry.timestamp = now
    entry.save()
    return record(page, action, changes, actor=actor, timestamp=now)


def validity_changed(changes):
    """[(page, old status, new status)] written by the validity refresh: the status is already
    stored; this bumps the pages, logs the change in their history and records the events."""
    if not changes:
        return
    actor = current_actor()
    now = timezone.now()
    live_ids = [page.pk for page, _old, _new in changes if page.live]
    Page.objects.filter(pk__in=live_ids).update(last_published_at=now)
    entries, events = [], []
    for page, old, new in changes:
        page.last_published_at = now if page.live else page.last_published_at
        data = {"changes": ["validity"], "validity": {"old": old, "new": new}}
        entries.append(_log_entry(page, VALIDITY, actor, data=data, timestamp=now))
        events.append(event_for(page, Action.VALIDITY_CHANGED, ["validity"], actor=actor))
    PageLogEntry.objects.bulk_create(entries)
    record_events(events)


def _actor(user=None):
    """The editor named by the caller, else whoever `acting_as()` or Wagtail's log context set."""
    if user is not None and getattr(user, "pk", None):
        return Actor("editor", user_id=user.pk)
    return current_actor()


def publish_revision(page, changes=(), *, created=False, clean=True, user=None):
    """Save a revision of `page` and publish it, as Wagtail does, logged with the actor (`user`
    when an editor's action in app code publishes it)."""
    actor = _actor(user)
    with transaction.atomic(), _service_records():
        revision = page.save_revision(user=user, clean=clean, log_action=False)
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
        # The creation itself was logged by `Page.save()` (add_child), as for any new page.
        data = {"changes": sorted(set(changes))} if changes else None
        _log_entry(page, _publish_action(actor), actor, revision=revision, data=data).save()
        record(page, Action.CREATED if created else Action.CHANGED, changes, actor=actor)
    return revision


def unpublish(page, *, user=None):
    """Take a live page (and nothing below it) off the site, logged with the actor."""
    actor = _actor(user)
    with transaction.atomic(), _service_records():
        page.unpublish(user=user, log_action=False)
        _log_entry(page, "wagtail.unpublish", actor).save()
        record(page, Action.UNPUBLISHED, actor=actor)


def publish_object(instance, changes=(), *, created=False, site_id=None, user=None):
    """Save a revision of a model with drafts that is not a page (a province's implementation of
    a procedure) and publish it, logged with the actor and recorded as one content event; a new
    instance is saved first. An editor's publish or a board's approval in the admin goes through
    Wagtail, whose `published` signal ends here too (signal_handlers)."""
    actor = _actor(user)
    with transaction.atomic(), _service_records():
        if instance.pk is None:
            instance.save()
        revision = instance.save_revision(user=user, log_action=False)
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
        ModelLogEntry.objects.log_action(
            instance,
            "wagtail.publish",
            user_id=actor.user_id,
            revision=revision,
            data={**actor.log_data(), "changes": sorted(set(changes))},
        )
        action = Action.CREATED if created else Action.CHANGED
        return content_changed(instance, action, changes, site_id=site_id)


def content_changed(instance, action=Action.CHANGED, changes=(), *, site_id=None):
    """Public content that is not a page's own fields changed: a term or setting an editor
    saved in the admin (which logged it), a province's implementation of a procedure, the
    processing figures of an agency. `site_id`: the site whose content it is, for content that
    is not a page (None: every site's)."""
    event = event_for(instance, action, changes, actor=current_actor())
    if site_id is not None:
        event.site_id = site_id
    return record_events([event])[0]


def snippet_changed(instance, created, changes=()):
    """A shared term (field, agency, topic) an import created or changed."""
    actor = current_actor()
    ModelLogEntry.objects.log_action(
        instance,
        "wagtail.create" if created else "wagtail.edit",
        user_id=actor.user_id,
        data={**actor.log_data(), "changes": sorted(set(changes))},
    )
    record(instance, Action.CREATED if created else Action.CHANGED, changes, actor=actor)
