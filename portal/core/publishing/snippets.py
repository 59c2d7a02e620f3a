"""Terms and settings whose admin edits change what the public sees (a field's name in every
procedure's facets, an agency's name in its site's header and search labels, a comment
published under a news item), and the pages that show them.

Apps name them through the `register_public_snippets` hook, returning `PublicSnippet`s. An edit
in the admin (snippet or site setting views, see core's wagtail_hooks) writes one content event:
naming the page for a snippet that belongs to one page (a comment), else naming the snippet,
and the consumers ask `pages_showing()` which pages to index or purge again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist

from wagtail import hooks
from wagtail.models import Page

from .events import Action, event_for, record_events
from .service import content_changed

HOOK = "register_public_snippets"


@dataclass(frozen=True)
class PublicSnippet:
    model: type
    # The one page an instance is part of (a comment's news item): its event names that page.
    page: Callable | None = None
    # The pages that show an instance; by default those whose fields refer to it.
    pages: Callable | None = None
    # The site an instance is the content of (a site's settings); None: every site's.
    site_id: Callable | None = None


def public_snippets():
    found = {}
    for registered in hooks.get_hooks(HOOK):
        for snippet in registered():
            found[snippet.model] = snippet
    return found


def _registration(model):
    registry = public_snippets()
    for klass in model.__mro__:
        if klass in registry:
            return registry[klass]
    return None


def snippet_deleting(instance):
    """An editor is about to delete `instance`: remember the pages that show it, which its
    deletion takes away (a foreign key set to null, a many-to-many row)."""
    registration = _registration(type(instance))
    if registration is not None and registration.page is None:
        showing = registration.pages or referring_pages
        instance._pages_showing = set(showing(instance))


def snippet_edited(instance, action=Action.CHANGED):
    """An editor created, changed or deleted `instance` in the admin: record it when the public
    sees it. Returns the event, or None for a snippet the public never sees. A deletion also
    names each page that showed it (`snippet_deleting`), for search and the front cache to
    read them again."""
    registration = _registration(type(instance))
    if registration is None:
        return None
    name = type(instance)._meta.model_name
    if registration.page is not None:
        page = registration.page(instance)
        if page is None:
            return None
        return content_changed(page.specific_deferred, Action.CHANGED, [name])
    site_id = registration.site_id(instance) if registration.site_id else None
    event = content_changed(instance, action, site_id=site_id)
    showing = getattr(instance, "_pages_showing", None)
    if action == Action.DELETED and showing:
        pages = Page.objects.filter(pk__in=showing).specific(defer=True)
        record_events([event_for(page, Action.CHANGED, [name]) for page in pages])
    return event


def is_part_change(event):
    """An event that only says a part shown on a page changed (a comment published under it, a
    term it named deleted), not the page's own content: readers who follow the page's content
    skip it (alerts)."""
    parts = {model._meta.model_name for model in public_snippets()}
    return bool(event.changes) and set(event.changes) <= parts


def referring_pages(instance):
    """The ids of pages whose own fields (a foreign key, a many-to-many) or whose parts (an
    orderable's foreign key) refer to `instance`."""
    ids = set()
    for relation in type(instance)._meta.related_objects:
        model, field = relation.related_model, relation.field
        rows = model._base_manager.filter(**{field.name: instance})
        if issubclass(model, Page):
            ids.update(rows.values_list("pk", flat=True))
            continue
        for owner in model._meta.concrete_fields:
            target = getattr(owner, "related_model", None)
            if owner.many_to_one and isinstance(target, type) and issubclass(target, Page):
                ids.update(pk for pk in rows.values_list(owner.attname, flat=True) if pk)
    return ids


def _instance_of(event, model):
    """The snippet an event names: by its natural key (a term's name), else its primary key."""
    manager = model._base_manager
    try:
        if any(field.name == "name" for field in model._meta.concrete_fields):
            return manager.get(name=event.key)
        return manager.get(pk=event.key)
    except (ObjectDoesNotExist, ValueError):
        return None


def pages_showing(events):
    """The ids of the pages that show the snippets these events change (events naming a page are
    the consumers' own business; a new term is shown by the pages whose own events follow)."""
    ids = set()
    for event in events:
        if event.page_id is not None or event.action != Action.CHANGED:
            continue
        try:
            model = apps.get_model(event.kind)
        except (LookupError, ValueError):
            continue
        registration = _registration(model)
        if registration is None:
            continue
        instance = _instance_of(event, model)
        if instance is None:
            continue
        if registration.pages is not None:
            ids.update(registration.pages(instance))
        else:
            ids.update(referring_pages(instance))
    return ids
