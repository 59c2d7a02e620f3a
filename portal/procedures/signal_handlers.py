"""A local implementation changes what a provincial site serves for a national procedure: its
saves and deletions go to the content event log like a page's, under that site."""

from django.db.models.signals import post_delete, post_save

from portal.core.publishing import Action
from portal.core.publishing.events import event_for, record_events


def _record(instance, action):
    event = event_for(instance, action)
    event.site_id = instance.site_id
    record_events([event])


def on_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _record(instance, Action.CREATED if created else Action.CHANGED)


def on_deleted(sender, instance, **kwargs):
    _record(instance, Action.DELETED)


def register_signal_handlers():
    from .models import LocalImplementation

    post_save.connect(on_saved, sender=LocalImplementation, dispatch_uid="local_impl_saved")
    post_delete.connect(on_deleted, sender=LocalImplementation, dispatch_uid="local_impl_deleted")
