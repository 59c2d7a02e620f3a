"""“Giao lưu trực tuyến”: a leader's live exchange with citizens and businesses. Its questions
go through the same moderation as any other; each answer appears on the event page when the
board approves it, and the page stays afterwards as a searchable transcript."""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from portal.core.models import BasePage


class ExchangePage(BasePage):
    leader = models.CharField("Lãnh đạo tham dự", max_length=255)
    starts_at = models.DateTimeField("Bắt đầu")
    ends_at = models.DateTimeField("Kết thúc")
    topic = models.TextField("Chủ đề")
    guests = models.TextField("Khách mời", blank=True, help_text="Mỗi dòng một khách mời.")

    content_panels = BasePage.content_panels + [
        FieldPanel("leader"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("topic"),
        FieldPanel("guests"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Giao lưu trực tuyến"
        verbose_name_plural = "Giao lưu trực tuyến"

    @property
    def ended(self):
        return self.ends_at <= timezone.now()

    @property
    def live_now(self):
        return self.starts_at <= timezone.now() < self.ends_at

    def guest_list(self):
        return [line.strip() for line in self.guests.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from ..exchanges import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context

    def search_documents(self):
        from ..exchanges import search_documents

        return search_documents(self)
