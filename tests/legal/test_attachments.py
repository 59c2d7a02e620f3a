import io
import zipfile

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model

from portal.core.models import ContentEvent
from portal.legal.attachment_texts import refresh_attachment_texts
from portal.legal.demo.pdf import make_pdf
from portal.legal.extraction import extract_text
from portal.legal.models import AttachmentText, LegalAttachment, LegalDocumentPage
from portal.legal.tasks import extract_attachment_texts

Document = get_document_model()

PDF_LINES = ["Quyet dinh so 2499/QD-BTNMT", "Dieu 1. Cong bo thu tuc hanh chinh linh vuc dat dai"]


def docx_bytes(paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def odt_bytes(paragraphs):
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", xml)
    return buffer.getvalue()


def test_text_of_a_real_pdf_is_extracted():
    extracted = extract_text("quyet-dinh.pdf", make_pdf(PDF_LINES))
    assert extracted.status == "ok"
    assert "2499/QD-BTNMT" in extracted.text
    assert "Cong bo thu tuc hanh chinh" in extracted.text


def test_text_of_docx_and_odt_is_extracted_with_vietnamese_marks():
    words = ["Điều 1. Phạm vi điều chỉnh", "Luật này quy định về đất đai."]
    assert extract_text("a.docx", docx_bytes(words)).text == "\n".join(words)
    assert extract_text("a.odt", odt_bytes(words)).text == "\n".join(words)


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("scan.pdf", make_pdf([]), "empty"),
        ("broken.pdf", b"%PDF-1.4 not really", "failed"),
        ("old.doc", b"\xd0\xcf\x11\xe0 binary word", "failed"),
        ("broken.docx", b"not a zip", "failed"),
    ],
)
def test_files_without_text_say_why(name, data, status):
    extracted = extract_text(name, data)
    assert extracted.status == status
    assert extracted.problem


def attach(page, name, data):
    document = Document.objects.create(title=name, file=ContentFile(data, name=name))
    LegalAttachment.objects.create(page=page, document=document)
    return document


def test_publishing_extracts_attachment_text_into_search(
    make_document, django_capture_on_commit_callbacks
):
    page = make_document(number="2499/QĐ-BTNMT")
    attach(page, "2499.pdf", make_pdf(PDF_LINES))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page = LegalDocumentPage.objects.get(pk=page.pk)
    assert not page.text_extraction_failed
    assert "Cong bo thu tuc hanh chinh" in page.search_documents()[0].body


def test_attachment_without_text_is_flagged_for_editors(make_document, admin_client):
    page = make_document(number="15/CT-TTg", title="Chỉ thị về quản lý đất đai")
    readable = make_document(number="16/CT-TTg", title="Chỉ thị về tài nguyên nước")
    attach(page, "ban-quet.doc", b"\xd0\xcf\x11\xe0 binary word")
    attach(readable, "chi-thi.pdf", make_pdf(PDF_LINES))
    refresh_attachment_texts(page)
    refresh_attachment_texts(readable)
    assert LegalDocumentPage.objects.get(pk=page.pk).text_extraction_failed
    assert not LegalDocumentPage.objects.get(pk=readable.pk).text_extraction_failed

    listing = admin_client.get(reverse("legal_documents:index"), {"text_extraction_failed": "true"})
    assert listing.status_code == 200
    assert "Chỉ thị về quản lý đất đai" in listing.content.decode()
    assert "Chỉ thị về tài nguyên nước" not in listing.content.decode()


def test_extraction_runs_outside_the_publishing_request(
    make_document, django_capture_on_commit_callbacks
):
    """Publishing only enqueues the extraction; the worker runs it later and records the new
    text as a content change of the document."""
    from django_tasks import default_task_backend

    page = make_document(number="2499/QĐ-BTNMT")
    document = attach(page, "2499.pdf", make_pdf(PDF_LINES))
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        enqueued = [result.task.name for result in default_task_backend.results]
    assert "extract_attachment_texts" in enqueued
    assert not AttachmentText.objects.filter(document=document).exists()

    extract_attachment_texts.call(page.pk)
    assert AttachmentText.objects.get(document=document).status == AttachmentText.Status.OK
    event = ContentEvent.objects.filter(page_id=page.pk).latest("id")
    assert (event.action, event.changes) == ("changed", ["attachment_text"])


def test_an_unreadable_attachment_is_shown_on_the_edit_page(make_document, admin_client):
    page = make_document(number="16/CT-TTg")
    attach(page, "ban-quet.doc", b"\xd0\xcf\x11\xe0 binary word")
    extract_attachment_texts.call(page.pk)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Văn bản có 0 điều" in content
    assert "Tệp đính kèm “ban-quet.doc”" in content and "không tìm kiếm được" in content


def test_only_pdf_and_word_documents_can_be_attached(make_document):
    page = make_document()
    spreadsheet = Document.objects.create(
        title="bang-tinh.xlsx", file=ContentFile(b"PK", name="bang-tinh.xlsx")
    )
    with pytest.raises(ValidationError) as error:
        LegalAttachment(page=page, document=spreadsheet).full_clean()
    assert "xlsx" in str(error.value)


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_attachment_over_the_size_limit_is_refused(make_document, admin_client):
    big = make_pdf(["x" * 80] * 60)
    assert len(big) > 1024
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Quá lớn", "file": SimpleUploadedFile("lon.pdf", big), "collection": 1},
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Document.objects.filter(title="Quá lớn").exists()
    page = make_document()
    document = Document.objects.create(title="lon.pdf", file=ContentFile(big, name="lon.pdf"))
    with pytest.raises(ValidationError):
        LegalAttachment(page=page, document=document).full_clean()


def test_other_file_types_are_refused_at_upload(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Chương trình",
            "file": SimpleUploadedFile("setup.exe", b"MZ"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Chương trình").exists()
