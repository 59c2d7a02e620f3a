"""The ordered parts of a procedure: steps, channels, dossier items and legal bases."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.models import Orderable

from portal.core.identifiers import normalise_document_number

from ..validators import validate_form_document
from .choices import ChannelMethod


class ProcedureStep(Orderable):
    """One step of trình tự thực hiện."""

    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="steps")
    text = models.TextField("Nội dung bước")

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "Bước thực hiện"
        verbose_name_plural = "Trình tự thực hiện"

    def __str__(self):
        return self.text[:80]


class ProcedureChannel(Orderable):
    """One way to carry out the procedure (cách thức thực hiện), with its time and fees."""

    page = ParentalKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="channels"
    )
    method = models.CharField("Hình thức nộp", max_length=16, choices=ChannelMethod.choices)
    processing_time = models.CharField("Thời hạn giải quyết", max_length=500, blank=True)
    fees = models.TextField("Phí, lệ phí", blank=True, help_text="Như văn bản quy định.")
    fee_amount = models.PositiveBigIntegerField(
        "Mức phí (đồng)", null=True, blank=True, help_text="Để trống nếu không xác định một mức."
    )
    url = models.URLField("Địa chỉ dịch vụ công trực tuyến", max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("method"), FieldPanel("processing_time")]),
        FieldRowPanel([FieldPanel("fees"), FieldPanel("fee_amount")]),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Cách thức thực hiện"
        verbose_name_plural = "Cách thức thực hiện"

    def __str__(self):
        return self.get_method_display()


class DossierItem(Orderable):
    """One paper of the dossier (thành phần hồ sơ); items sharing a `case` form one group."""

    page = ParentalKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="dossier_items"
    )
    case = models.CharField(
        "Trường hợp",
        max_length=500,
        blank=True,
        help_text="Để trống khi hồ sơ giống nhau cho mọi trường hợp.",
    )
    name = models.TextField("Tên giấy tờ")
    originals = models.PositiveSmallIntegerField("Số bản chính", default=1)
    copies = models.PositiveSmallIntegerField("Số bản sao", default=0)
    required = models.BooleanField("Bắt buộc", default=True)
    form = models.ForeignKey(
        get_document_model_string(),
        verbose_name="Mẫu đơn, tờ khai",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    form_filename = models.CharField(
        "Tên tệp mẫu (khi nhập)",
        max_length=255,
        blank=True,
        help_text="Tệp mẫu được gắn tự động khi một tài liệu có tên tệp này được tải lên.",
    )

    panels = [
        FieldPanel("case"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("form"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Thành phần hồ sơ"
        verbose_name_plural = "Thành phần hồ sơ"

    def __str__(self):
        return self.name[:80]

    def clean(self):
        if self.form_id is not None:
            try:
                validate_form_document(self.form)
            except ValidationError as error:
                raise ValidationError({"form": error.messages}) from None


class ProcedureLegalBasis(Orderable):
    """A legal document the procedure rests on (căn cứ pháp lý), kept by number.

    It is shown as a link once a legal document with the same normalised number is published,
    and as plain text until then.
    """

    page = ParentalKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="legal_bases"
    )
    number = models.CharField("Số ký hiệu", max_length=255)
    normalised_number = models.CharField(max_length=255, db_index=True, editable=False)
    title = models.CharField("Trích yếu", max_length=1000, blank=True)

    panels = [FieldPanel("number"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Căn cứ pháp lý"
        verbose_name_plural = "Căn cứ pháp lý"

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        self.normalised_number = normalise_document_number(self.number)
        super().save(*args, **kwargs)


def form_document_named(filename):
    """The uploaded document for a form file name given in an import line, if any."""
    return forms_named([filename]).get(filename)


def forms_named(filenames):
    """{file name: uploaded document} for form file names given in import lines, in one query:
    the document stored under that file name, else the first one titled so."""
    filenames = set(filenames)
    if not filenames:
        return {}
    paths = {f"documents/{name}": name for name in filenames}
    by_file, by_title = {}, {}
    documents = get_document_model().objects.filter(
        models.Q(file__in=list(paths)) | models.Q(title__in=filenames)
    )
    for document in documents.order_by("pk"):
        if document.file.name in paths:
            by_file.setdefault(paths[document.file.name], document)
        if document.title in filenames:
            by_title.setdefault(document.title, document)
    return {**by_title, **by_file}
