"""Wagtail's own publishing (the editor's admin, a board's approval, scheduled publishing, moves
and deletions) ends in the content event log too; connected in CoreConfig.ready()."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from ..models import ContentEvent
from .events import Action, record
from .service import service_is_recording
from .snippets import snippet_edited


def on_published(sender, instance, revision=None, **kwargs):
    if service_is_recording():
        return
    first = not ContentEvent.objects.filter(page_id=instance.pk).exists()
    record(instance, Action.CREATED if first else Action.CHANGED)


def on_unpublished(sender, instance, **kwargs):
    if not service_is_recording():
        record(instance, Action.UNPUBLISHED)


def on_object_published(sender, instance, **kwargs):
    """A model with drafts that is not a page (a province's implementation of a procedure),
    published by an editor or by a board's approval, when the public sees it."""
    if not isinstance(instance, Page) and not service_is_recording():
        snippet_edited(instance, Action.CHANGED)


def on_object_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page) and not service_is_recording():
        snippet_edited(instance, Action.UNPUBLISHED)


def addresses(url_path):
    """The absolute URLs at which a page with this url_path is served, one per site holding it."""
    return [
        root.root_url + url_path[len(root.root_path) - 1 :]
        for root in Site.get_site_root_paths()
        if url_path.startswith(root.root_path)
    ]


def on_moved(sender, instance, url_path_before="", url_path_after="", **kwargs):
    """The old addresses of the page and of everything below it, and the old parent's listings:
    after the move nothing in the tree names them any more."""
    old_paths = {url_path_before}
    if url_path_after:
        below = instance.get_descendants().values_list("url_path", flat=True)
        old_paths.update(url_path_before + path[len(url_path_after) :] for path in below)
    before = kwargs.get("parent_page_before")
    if before is not None:
        old_paths.update(before.get_ancestors(inclusive=True).values_list("url_path", flat=True))
    urls = [url for path in old_paths if path for url in addresses(path)]
    record(instance, Action.MOVED, ["path"], urls=urls)


def on_deleted(sender, instance, **kwargs):
    """A deleted page's address and its listings', read while its row's values are at hand."""
    if isinstance(instance, Page) and instance.specific_class in (type(instance), None):
        shown_at = instance.get_ancestors(inclusive=True).values_list("url_path", flat=True)
        urls = [url for path in [instance.url_path, *shown_at] if path for url in addresses(path)]
        record(instance, Action.DELETED, urls=urls)


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        record(page.specific_deferred, Action.CHANGED, ["privacy"])


def connect():
    page_published.connect(on_published, dispatch_uid="events_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="events_unpublished")
    published.connect(on_object_published, dispatch_uid="events_object_published")
    unpublished.connect(on_object_unpublished, dispatch_uid="events_object_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="events_moved")
    post_delete.connect(on_deleted, dispatch_uid="events_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="events_vr")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="events_vr_deleted"
    )
