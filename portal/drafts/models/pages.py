"""A draft legal document open for public comment (Law 104/2016/QH13 Art. 17(1)(c); Law on
Promulgation of Legal Documents): its intended type and number, the drafting unit, the comment
period, the text split into articles, the attachments, and, once issued, the issued document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.core.models import BasePage
from portal.legal.models.parts import article_anchor, article_heading


class DraftStatus(models.TextChoices):
    UPCOMING = "upcoming", "Sắp lấy ý kiến"
    OPEN = "open", "Đang lấy ý kiến"
    CLOSED = "closed", "Đã hết hạn lấy ý kiến"


class DraftIndexPage(BasePage):
    """The list of drafts for comment, open and closed, filtered by GET parameters."""

    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["drafts.DraftPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Danh sách dự thảo lấy ý kiến"
        verbose_name_plural = "Danh sách dự thảo lấy ý kiến"

    def get_context(self, request, *args, **kwargs):
        from ..listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class DraftPage(BasePage):
    natural_key_field = "slug"

    doc_type = models.CharField("Loại văn bản dự kiến", max_length=100, help_text="Luật, …")
    intended_number = models.CharField(
        "Số, ký hiệu dự kiến",
        max_length=100,
        blank=True,
        help_text="Ví dụ: …/2026/TT-BNNMT (khoảng số dự kiến).",
    )
    abstract = models.TextField("Trích yếu", blank=True)
    drafting_unit = models.ForeignKey(
        "core.Agency",
        verbose_name="Đơn vị chủ trì soạn thảo",
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    fields = ParentalManyToManyField(
        "core.Field", verbose_name="Lĩnh vực", blank=True, related_name="drafts"
    )
    opens_at = models.DateTimeField("Bắt đầu lấy ý kiến")
    closes_at = models.DateTimeField("Kết thúc lấy ý kiến")
    summary = RichTextField(
        "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến",
        blank=True,
        help_text="Công bố sau khi hết hạn lấy ý kiến.",
    )
    issued_document = models.ForeignKey(
        "legal.LegalDocumentPage",
        verbose_name="Văn bản đã ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drafts",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("intended_number")]),
                FieldPanel("abstract"),
                FieldPanel("drafting_unit"),
                FieldPanel("fields"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading="Thông tin dự thảo",
        ),
        InlinePanel("articles", heading="Các điều của dự thảo", label="Điều"),
        InlinePanel("attachments", heading="Hồ sơ dự thảo", label="Tệp"),
        FieldPanel("summary"),
        FieldPanel("issued_document"),
    ]

    parent_page_types = ["drafts.DraftIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Dự thảo lấy ý kiến"
        verbose_name_plural = "Dự thảo lấy ý kiến"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "Thời hạn kết thúc phải sau ngày bắt đầu."})

    def status(self, now=None):
        """Computed at read time: commenting closes by itself at `closes_at`."""
        now = now or timezone.now()
        if now < self.opens_at:
            return DraftStatus.UPCOMING
        return DraftStatus.OPEN if now < self.closes_at else DraftStatus.CLOSED

    def is_open(self, now=None):
        return self.status(now) == DraftStatus.OPEN

    def summary_published(self, now=None):
        return bool(self.summary) and self.status(now) == DraftStatus.CLOSED

    def get_context(self, request, *args, **kwargs):
        from ..presentation import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context

    def search_documents(self):
        from ..indexing import search_documents

        return search_documents(self)


class DraftArticle(Orderable):
    """An article (Điều) of the draft: in the page's revisions, since the draft text changes."""

    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="articles")
    number = models.CharField("Số điều", max_length=50)
    title = models.TextField("Tên điều", blank=True)
    text = models.TextField("Nội dung")

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "Điều"

    def __str__(self):
        return article_heading(self.number, self.title)

    @property
    def anchor(self):
        return article_anchor(self.number)


class DraftAttachment(Orderable):
    class Role(models.TextChoices):
        SUBMISSION = "submission", "Tờ trình"
        IMPACT = "impact", "Báo cáo đánh giá tác động"
        OTHER = "other", "Tài liệu khác"

    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="attachments")
    role = models.CharField("Loại tài liệu", max_length=20, choices=Role.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("role"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Tài liệu kèm theo"
