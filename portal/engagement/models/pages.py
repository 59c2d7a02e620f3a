"""Answered questions are pages: revisions, the board's approval workflow, a URL, search."""

from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.core.models import BasePage
from portal.core.sanitise import clean_html
from portal.core.visibility import visible


class QuestionIndexPage(BasePage):
    """“Hỏi đáp”: the published answers, filtered by field and year."""

    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["engagement.AnswerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang hỏi đáp"
        verbose_name_plural = "Trang hỏi đáp"

    def get_context(self, request, *args, **kwargs):
        from ..listing import answers_context

        context = super().get_context(request, *args, **kwargs)
        context.update(answers_context(self, request))
        return context


class AnswerPage(BasePage):
    """A question and its answer, as published: never the asker's identity."""

    code = models.CharField("Mã câu hỏi", max_length=12, unique=True)
    question = models.TextField("Câu hỏi")
    answer = RichTextField("Trả lời", features=["bold", "italic", "ol", "ul", "link"])
    field = models.ForeignKey(
        "core.Field",
        verbose_name="Lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.CharField("Đơn vị trả lời", max_length=255, blank=True)
    asked_on = models.DateField("Ngày hỏi")
    answered_on = models.DateField("Ngày trả lời", default=timezone.localdate)
    exchange = models.ForeignKey(
        "engagement.ExchangePage",
        verbose_name="Giao lưu trực tuyến",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    cited_documents = ParentalManyToManyField(
        "legal.LegalDocumentPage", verbose_name="Văn bản được viện dẫn", blank=True
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("field"),
        FieldPanel("unit"),
        FieldPanel("answered_on"),
        FieldPanel("cited_documents"),
    ]
    parent_page_types = ["engagement.QuestionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Câu hỏi đã trả lời"
        verbose_name_plural = "Câu hỏi đã trả lời"

    def save(self, *args, **kwargs):
        # Whatever path the answer took (the staff form, the API, a revision published by the
        # workflow), what is stored and served is whitelisted rich text.
        self.answer = clean_html(self.answer)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a preview the relation is an in-memory list of the revision's choices.
        cited = [document.pk for document in self.cited_documents.all()]
        context["cited_documents"] = visible(Page.objects.filter(pk__in=cited)).specific()
        return context

    def search_documents(self):
        from ..indexing import search_documents

        return search_documents(self)
