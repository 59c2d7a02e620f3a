import re

from django.core.exceptions import ValidationError
from django.db import models, transaction

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from portal.core import publishing
from portal.core.identifiers import normalise_document_number
from portal.core.text import fold

from .choices import RelationType

_NOT_ANCHOR = re.compile(r"[^a-z0-9]+")


def article_anchor(number):
    """The stable fragment of an article on its document's page: `12` → `dieu-12`."""
    # Folding is the slow part and almost every number is plain ASCII already ("12", "12a").
    folded = number if number.isascii() else fold(number)
    return "dieu-" + _NOT_ANCHOR.sub("-", folded.lower()).strip("-")


def article_heading(number, title):
    """`Điều 12. Title`, or `Điều 12` for an article without a title."""
    return f"Điều {number}. {title}".rstrip(". ")


class LegalArticle(models.Model):
    """An article (Điều) of a legal document.

    A plain model rather than a page child: article text is the signed text of the document,
    so it needs no drafts, and keeping it out of page revisions stops every revision from
    repeating the whole text (tens of megabytes across the corpus).
    """

    document = models.ForeignKey(
        "legal.LegalDocumentPage",
        verbose_name="Văn bản",
        on_delete=models.CASCADE,
        related_name="articles",
    )
    position = models.PositiveIntegerField("Thứ tự", default=0)
    number = models.CharField("Số điều", max_length=50, help_text="Ví dụ: 12, 12a.")
    title = models.TextField("Tên điều", blank=True)
    text = models.TextField("Nội dung")

    panels = [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("position")]),
        FieldPanel("title"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = "Điều"
        verbose_name_plural = "Các điều"
        ordering = ["document", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="legal_article_number_unique_in_document"
            )
        ]

    def __str__(self):
        return article_heading(self.number, self.title)

    def save(self, *args, **kwargs):
        """Articles are not in page revisions, so no publish records their change: saving one
        (here or in the admin) is a change of its document, and of the one it left if moved."""
        before = LegalArticle.objects.filter(pk=self.pk).values_list("document_id", flat=True)
        previous = list(before) if self.pk else []
        with transaction.atomic():
            super().save(*args, **kwargs)
            _documents_changed({self.document_id, *previous})

    def delete(self, *args, **kwargs):
        document_id = self.document_id
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            _documents_changed([document_id])
        return result

    @property
    def anchor(self):
        return article_anchor(self.number)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        clash = LegalArticle.objects.filter(document_id=self.document_id, number=self.number)
        if self.document_id and clash.exclude(pk=self.pk).exists():
            raise ValidationError({"number": f"Văn bản đã có Điều {self.number}."})


def _documents_changed(document_ids):
    from .pages import LegalDocumentPage

    for document in LegalDocumentPage.objects.filter(pk__in=document_ids):
        publishing.page_changed(document, ["articles"])


class LegalRelation(Orderable):
    """`page` <type> the document numbered `target_number`, e.g. it replaces 81/2006/QH11.

    The target is kept by number, so a relation to a document not yet in the portal resolves
    by itself when that document arrives.
    """

    page = ParentalKey(
        "legal.LegalDocumentPage", on_delete=models.CASCADE, related_name="relations"
    )
    relation_type = models.CharField("Quan hệ", max_length=20, choices=RelationType.choices)
    target_number = models.CharField(
        "Số ký hiệu văn bản liên quan",
        max_length=100,
        help_text="Có thể là văn bản chưa có trên cổng; liên kết tự động khi văn bản được đăng.",
    )
    target_normalised = models.CharField(max_length=100, editable=False, db_index=True)

    panels = [FieldRowPanel([FieldPanel("relation_type"), FieldPanel("target_number")])]

    class Meta(Orderable.Meta):
        verbose_name = "Quan hệ với văn bản khác"

    def __str__(self):
        return f"{self.get_relation_type_display()} {self.target_number}"

    def clean(self):
        super().clean()
        self.target_normalised = normalise_document_number(self.target_number or "")
        if not self.target_normalised:
            raise ValidationError({"target_number": "Số ký hiệu phải có chữ hoặc số."})
        page = getattr(self, "page", None)
        if page is not None and self.target_normalised == normalise_document_number(page.number):
            raise ValidationError({"target_number": "Văn bản không thể liên quan tới chính nó."})

    def save(self, *args, **kwargs):
        self.target_normalised = normalise_document_number(self.target_number or "")
        super().save(*args, **kwargs)
