from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from portal.api.fields import TypedDetailsField
from portal.core.identifiers import normalise_document_number
from portal.core.models import BasePage

from ..panels import ArticlesPanel
from .choices import DocumentKind, Validity


class LegalDocumentPageForm(WagtailAdminPageForm):
    """Tells a new document where it goes, so its number is checked against its own site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.parent_page is not None and not self.instance.path:
            self.instance.parent_path = self.parent_page.path


class LegalDocumentIndexPage(BasePage):
    """The list of legal documents (văn bản), filtered and sorted by GET parameters."""

    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["legal.LegalDocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Danh sách văn bản"
        verbose_name_plural = "Danh sách văn bản"

    def get_context(self, request, *args, **kwargs):
        from ..listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class LegalDocumentPage(BasePage):
    """One legal document; its articles (LegalArticle) are kept outside page revisions."""

    natural_key_field = "number"  # names the document in content events

    number = models.CharField(
        "Số ký hiệu", max_length=100, help_text="Ví dụ: 2499/QĐ-BTNMT, 68/2020/QH14."
    )
    # Unique per site (portal/legal/scope.py): local decisions share numbers across provinces.
    normalised_number = models.CharField(max_length=100, db_index=True, editable=False)
    doc_type = models.CharField("Loại văn bản", max_length=100, help_text="Luật, Nghị định, …")
    document_kind = models.CharField(
        "Nhóm văn bản",
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.NORMATIVE,
    )
    abstract = models.TextField(
        "Trích yếu", blank=True, help_text="Để trống nếu trích yếu trùng với tiêu đề."
    )
    issuer = models.ForeignKey(
        "core.Agency",
        verbose_name="Cơ quan ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_documents",
    )
    signer = models.CharField("Người ký", max_length=255, blank=True)
    signer_title = models.CharField("Chức vụ người ký", max_length=255, blank=True)
    issued = models.DateField("Ngày ban hành", null=True, blank=True)
    effective = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    expires = models.DateField("Ngày hết hiệu lực", null=True, blank=True)
    fields = ParentalManyToManyField(
        "core.Field", verbose_name="Lĩnh vực", blank=True, related_name="legal_documents"
    )
    validity = models.CharField(
        "Tình trạng hiệu lực",
        max_length=20,
        choices=Validity.choices,
        default=Validity.UNKNOWN,
        editable=False,
    )
    validity_override = models.CharField(
        "Tình trạng hiệu lực (do biên tập viên xác định)",
        max_length=20,
        choices=Validity.choices,
        blank=True,
        help_text="Để trống để tính tự động từ các ngày và văn bản liên quan.",
    )
    validity_note = models.TextField("Ghi chú về hiệu lực", blank=True)
    full_text = models.TextField(
        "Toàn văn", blank=True, help_text="Dùng khi văn bản chưa được tách thành các điều."
    )
    text_extraction_failed = models.BooleanField(
        "Có tệp đính kèm chưa trích xuất được nội dung", default=False, editable=False
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldPanel("document_kind"),
                FieldPanel("abstract"),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
                FieldPanel("fields"),
            ],
            heading="Thông tin văn bản",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("issued"), FieldPanel("effective"), FieldPanel("expires")]
                ),
                FieldPanel("validity_override"),
                FieldPanel("validity_note"),
            ],
            heading="Hiệu lực",
        ),
        InlinePanel("relations", heading="Văn bản liên quan", label="Quan hệ"),
        InlinePanel("attachments", heading="Tệp đính kèm", label="Tệp"),
        ArticlesPanel(heading="Các điều"),
        FieldPanel("full_text"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("abstract"),
        index.FilterField("validity"),
    ]

    # Wagtail API v2 (/api/v2/pages/<id>/, headless previews) carries the typed endpoint's JSON.
    api_fields = [APIField("details", serializer=TypedDetailsField("portal.legal.api.details"))]

    parent_page_types = ["legal.LegalDocumentIndexPage"]
    subpage_types = []
    base_form_class = LegalDocumentPageForm

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"

    def __str__(self):
        return f"{self.number} — {self.title}" if self.number else self.title

    def clean(self):
        super().clean()
        normalised = normalise_document_number(self.number or "")
        if not normalised:
            raise ValidationError({"number": "Số ký hiệu phải có chữ hoặc số."})
        clash = self.number_clashes(normalised)
        if clash.exists():
            raise ValidationError(
                {"number": f"Đã có văn bản cùng số ký hiệu: {clash.first().number}."}
            )
        self._check_dates()

    def number_clashes(self, normalised):
        """Other documents with this number where it must be unique: under the same site."""
        from ..scope import same_site

        clash = LegalDocumentPage.objects.filter(normalised_number=normalised).exclude(pk=self.pk)
        # A new page has no path yet: its form tells where it goes (LegalDocumentPageForm).
        path = self.path or getattr(self, "parent_path", "")
        return same_site(clash, path, self.locale_id) if path else clash

    def _check_dates(self):
        if self.issued and self.effective and self.effective < self.issued:
            raise ValidationError({"effective": "Ngày có hiệu lực trước ngày ban hành."})
        start = self.effective or self.issued
        if start and self.expires and self.expires < start:
            raise ValidationError({"expires": "Ngày hết hiệu lực trước ngày có hiệu lực."})

    def save(self, *args, **kwargs):
        self.normalised_number = normalise_document_number(self.number or "")
        from ..validity import computed_validity

        self.validity = self.validity_override or computed_validity(self)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..presentation import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self))
        return context

    def search_documents(self):
        from ..indexing import search_documents

        return search_documents(self)
