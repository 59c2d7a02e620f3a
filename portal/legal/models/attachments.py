from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# What a legal document's attachment may be; other files in the document library are refused.
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "odt")
DEFAULT_MAX_SIZE = 50 * 1024 * 1024


def max_attachment_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or DEFAULT_MAX_SIZE


def check_attachment_file(name, size):
    """Raise ValidationError when a file may not be attached to a legal document."""
    extension = Path(name).suffix.lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        allowed = ", ".join(ATTACHMENT_EXTENSIONS).upper()
        raise ValidationError(f"Tệp .{extension or '?'} không được chấp nhận; chỉ nhận {allowed}.")
    limit = max_attachment_size()
    if size is not None and size > limit:
        raise ValidationError(
            f"Tệp {filesizeformat(size)} vượt quá giới hạn {filesizeformat(limit)}."
        )


class LegalAttachment(Orderable):
    """A file of a legal document: a Wagtail document, or for imported documents the address of
    the original file when only that is known."""

    page = ParentalKey(
        "legal.LegalDocumentPage", on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Tệp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("Tên tệp hiển thị", max_length=255, blank=True)
    source_url = models.URLField("Địa chỉ bản gốc", max_length=1000, blank=True)
    filename = models.CharField("Tên tệp gốc", max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("source_url")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp đính kèm"

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        if self.title:
            return self.title
        if self.document_id:
            return self.document.title
        return self.filename or self.source_url

    def clean(self):
        super().clean()
        if not self.document_id and not self.source_url:
            raise ValidationError("Chọn một tệp hoặc nhập địa chỉ bản gốc.")
        if self.document_id:
            document = self.document
            size = document.get_file_size() if document.file else None
            try:
                check_attachment_file(document.file.name, size)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None


class AttachmentText(models.Model):
    """The text extracted from a document file, for search; one row per Wagtail document."""

    class Status(models.TextChoices):
        OK = "ok", "Đã trích xuất"
        EMPTY = "empty", "Không có chữ (có thể là bản quét)"
        FAILED = "failed", "Không trích xuất được"

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="legal_text",
    )
    file_hash = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices)
    text = models.TextField(blank=True)
    problem = models.CharField(max_length=255, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Nội dung trích xuất từ tệp"

    def __str__(self):
        return f"{self.document} ({self.get_status_display()})"
