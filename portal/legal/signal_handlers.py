"""Connected in LegalConfig.ready(): publishing a document refreshes what depends on it."""

from wagtail.signals import page_published, page_unpublished

from .attachment_texts import refresh_attachment_texts
from .models import LegalDocumentPage
from .validity import refresh_related


def on_published(sender, instance, **kwargs):
    refresh_attachment_texts(instance)
    refresh_related(instance)


def on_unpublished(sender, instance, **kwargs):
    refresh_related(instance)


def register_signal_handlers():
    page_published.connect(on_published, sender=LegalDocumentPage)
    page_unpublished.connect(on_unpublished, sender=LegalDocumentPage)
