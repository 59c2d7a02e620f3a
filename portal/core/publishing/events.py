"""Writing the content event log: one row per change to public content, in the transaction of
the change; the consumers are woken once it commits."""

from django.utils import timezone

from wagtail.models import Page

from ..models import ContentEvent
from ..sites import owner_site
from .actors import current_actor
from .oncommit import after_commit

Action = ContentEvent.Action


def natural_key(instance):
    """The natural key a page type names in `natural_key_field` (code, number, slug); a
    snippet's name; else the primary key."""
    model = type(instance)
    if model is Page and getattr(instance, "content_type_id", None):
        specific_class = instance.specific_class
        if getattr(specific_class, "natural_key_field", None):
            instance = instance.specific_deferred
    field = getattr(type(instance), "natural_key_field", None)
    if field:
        return str(getattr(instance, field, "") or "")[:255]
    if not isinstance(instance, Page) and hasattr(instance, "name"):
        return str(instance.name)[:255]
    return str(instance.pk)


def kind_of(instance):
    model = type(instance)
    if model is Page and getattr(instance, "content_type_id", None):
        model = instance.specific_class or Page
    return model._meta.label_lower


def site_id_of(page):
    """The id of the site that owns the page (portal.core.sites.owner_site); None for a
    snippet."""
    if not isinstance(page, Page) or not page.path:
        return None
    site = owner_site(page)
    return site.pk if site is not None else None


def event_for(instance, action, changes=(), *, actor=None, timestamp=None, urls=()):
    actor = actor or current_actor()
    return ContentEvent(
        page_id=instance.pk if isinstance(instance, Page) else None,
        kind=kind_of(instance),
        key=natural_key(instance),
        site_id=site_id_of(instance),
        action=action,
        changes=sorted(set(changes)),
        urls=sorted(set(urls)),
        timestamp=timestamp or timezone.now(),
        actor=actor.name[:100],
        user_id=actor.user_id,
        import_run_id=actor.import_run_id,
    )


def record(instance, action, changes=(), **kwargs):
    """Write one event for this page (or snippet) now; consumers run after the commit."""
    return record_events([event_for(instance, action, changes, **kwargs)])[0]


def record_events(events):
    events = ContentEvent.objects.bulk_create(events)
    if events:
        from .consumers import wake_consumers

        after_commit("content_events", lambda _ids: wake_consumers(), [True])
    return events
