"""Attachment text extraction, in the background: a PDF of 50 MB is never parsed inside an
editor's request. Editors see a failure on the document's edit page and in the listing filter."""

from django_tasks import task

from django.db import transaction

from portal.core import publishing

from .attachment_texts import refresh_attachment_texts
from .models import AttachmentText, LegalDocumentPage


def _texts(page):
    ids = [a.document_id for a in page.attachments.all() if a.document_id]
    return set(AttachmentText.objects.filter(document_id__in=ids).values_list("pk", "file_hash"))


@task()
def extract_attachment_texts(page_id: int):
    """Extract the text of the document's attachments; a change of text is a content change
    (search indexes it), recorded without moving the document's publication date."""
    page = LegalDocumentPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    with transaction.atomic():
        before = _texts(page)
        refresh_attachment_texts(page)
        if _texts(page) != before and page.live:
            publishing.page_changed(page, ["attachment_text"], bump=False)


def extract_after_commit(page):
    """Ask for extraction once the editor's transaction commits; the request does not wait."""
    page_id = page.pk
    transaction.on_commit(lambda: extract_attachment_texts.enqueue(page_id))
