"""A local implementation changes what a provincial site serves for a national procedure: its
saves and deletions go to the content event log like a page's, under that site."""

from django.db.models.signals import post_delete, post_save

from portal.core import publishing


def on_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        action = publishing.Action.CREATED if created else publishing.Action.CHANGED
        publishing.content_changed(instance, action, site_id=instance.site_id)


def on_deleted(sender, instance, **kwargs):
    publishing.content_changed(instance, publishing.Action.DELETED, site_id=instance.site_id)


def register_signal_handlers():
    from .models import LocalImplementation

    post_save.connect(on_saved, sender=LocalImplementation, dispatch_uid="local_impl_saved")
    post_delete.connect(on_deleted, sender=LocalImplementation, dispatch_uid="local_impl_deleted")
