"""Wagtail events -> index update tasks. Publishing never waits for the search engine."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .batching import pages_changed


def _with_descendants(page):
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs):
    pages_changed([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    pages_changed(_with_descendants(instance))


def on_moved(sender, instance, **kwargs):
    pages_changed(_with_descendants(instance))


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_changed([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    pages_changed(_with_descendants(page))


def connect():
    page_published.connect(on_published, dispatch_uid="search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_moved")
    post_delete.connect(on_deleted, dispatch_uid="search_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr_deleted"
    )
