"""Keeps the extracted text of a legal document's attachments, and the editors' flag, current."""

from .extraction import extract_text, file_hash
from .models import AttachmentText, LegalDocumentPage


def text_of(document):
    """The AttachmentText of a Wagtail document, extracting it again only if the file changed."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as error:
        return _store(document, "", "failed", "", f"Không mở được tệp: {error}"[:255])
    digest = file_hash(data)
    existing = AttachmentText.objects.filter(document=document).first()
    if existing is not None and existing.file_hash == digest:
        return existing
    result = extract_text(document.file.name, data)
    return _store(document, digest, result.status, result.text, result.problem)


def _store(document, digest, status, text, problem):
    stored, _ = AttachmentText.objects.update_or_create(
        document=document,
        defaults={"file_hash": digest, "status": status, "text": text, "problem": problem},
    )
    return stored


def refresh_attachment_texts(page):
    """Extract the text of the page's attachments; returns [(attachment, AttachmentText)] of
    those without text, and stores the flag editors filter on."""
    failing = []
    for attachment in page.attachments.all():
        if attachment.document_id is None:
            continue
        extracted = text_of(attachment.document)
        if extracted.status != AttachmentText.Status.OK:
            failing.append((attachment, extracted))
    flag = bool(failing)
    if page.pk and page.text_extraction_failed != flag:
        LegalDocumentPage.objects.filter(pk=page.pk).update(text_extraction_failed=flag)
        page.text_extraction_failed = flag
    return failing


def attachment_text(page):
    """All the extracted text of the page's attachments, for search."""
    ids = [a.document_id for a in page.attachments.all() if a.document_id]
    texts = AttachmentText.objects.filter(document_id__in=ids, status=AttachmentText.Status.OK)
    return "\n\n".join(texts.values_list("text", flat=True))
