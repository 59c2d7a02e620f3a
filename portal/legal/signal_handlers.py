"""Connected in LegalConfig.ready(): publishing a document refreshes what depends on it."""

from wagtail.signals import page_published, page_unpublished

from .models import LegalDocumentPage
from .tasks import extract_after_commit
from .validity import refresh_related


def on_published(sender, instance, **kwargs):
    extract_after_commit(instance)
    refresh_related(instance)


def on_unpublished(sender, instance, **kwargs):
    refresh_related(instance)


def register_signal_handlers():
    page_published.connect(on_published, sender=LegalDocumentPage)
    page_unpublished.connect(on_unpublished, sender=LegalDocumentPage)
