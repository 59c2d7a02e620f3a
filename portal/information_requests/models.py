"""A request for information: what is asked (public: its subject), who asks (private: only the
receiving agency's staff see it), the clock, and the steps the requester is told of."""

import uuid

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from portal.core.working_days import working_days_after
from portal.engagement.models.submissions import Submission, get_private_storage

from . import clock
from .choices import CLOSED, Complexity, Delivery, RefusalGround, Status


def _due():
    return clock.due_on_receipt(timezone.localdate())


class InformationRequest(Submission):
    subject = models.CharField(
        "Tóm tắt thông tin yêu cầu",
        max_length=200,
        help_text="Được đăng trong sổ theo dõi công khai: không ghi thông tin cá nhân.",
    )
    text = models.TextField("Thông tin được yêu cầu (tên văn bản, hồ sơ, tài liệu)")
    purpose = models.TextField("Lý do, mục đích yêu cầu")
    delivery = models.CharField("Hình thức cung cấp", max_length=10, choices=Delivery.choices)
    identity_number = models.CharField("Số định danh cá nhân, CCCD hoặc hộ chiếu", max_length=20)
    status = models.CharField(
        "Trạng thái", max_length=12, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    complexity = models.CharField(
        "Phân loại", max_length=10, choices=Complexity.choices, blank=True
    )
    due = models.DateField("Hạn giải quyết", default=_due)
    extension_reason = models.TextField("Lý do gia hạn", blank=True)
    closed_at = models.DateTimeField("Ngày trả lời", null=True, blank=True)
    answer = models.TextField("Nội dung trả lời", blank=True)
    answer_public = models.BooleanField(
        "Công bố câu trả lời",
        default=False,
        help_text="Câu trả lời và tệp đính kèm được đăng trong sổ theo dõi công khai.",
    )
    refusal_ground = models.CharField(
        "Căn cứ từ chối", max_length=10, choices=RefusalGround.choices, blank=True
    )

    panels = [
        HelpPanel(
            content="Phân loại, gia hạn, trả lời hoặc từ chối bằng nút “Xử lý yêu cầu” trong "
            "danh sách: mỗi bước được báo cho người yêu cầu."
        ),
        MultiFieldPanel([FieldPanel("subject"), FieldPanel("answer_public")], heading="Công khai"),
        FieldRowPanel([FieldPanel("status", read_only=True), FieldPanel("due", read_only=True)]),
        FieldPanel("text", read_only=True),
        FieldPanel("purpose", read_only=True),
    ]

    class Meta(Submission.Meta):
        verbose_name = "Yêu cầu cung cấp thông tin"
        verbose_name_plural = "Yêu cầu cung cấp thông tin"

    @property
    def closed(self):
        return self.status in CLOSED

    @property
    def overdue_working_days(self):
        """Working days past the due date: up to today while open, up to the answer once closed
        (0 when on time). Computed when read, so a request turns late by itself."""
        until = timezone.localdate(self.closed_at) if self.closed_at else timezone.localdate()
        return working_days_after(self.due, until)

    @property
    def overdue(self):
        return self.overdue_working_days > 0

    @admin.display(description="Quá hạn")
    def overdue_label(self):
        days = self.overdue_working_days
        return f"Quá hạn {days} ngày làm việc" if days else ""

    def history(self):
        return self.steps.order_by("created_at", "pk")


def _attachment_name(instance, filename):
    return f"information-requests/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class AnswerAttachment(models.Model):
    """A file sent with an answer, outside MEDIA_ROOT: served only to the holder of the code,
    or to anyone once the agency published the answer (portal/information_requests/views.py)."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("Tên tệp", max_length=255)
    file = models.FileField(upload_to=_attachment_name, storage=get_private_storage)

    class Meta:
        verbose_name = "Tệp trả lời"
        verbose_name_plural = "Tệp trả lời"

    def __str__(self):
        return self.title


class RequestStep(models.Model):
    """One step of a request's history; its note is public, who made it is not."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField("Trạng thái", max_length=12, choices=Status.choices)
    note = models.TextField("Ghi chú công khai", blank=True)
    created_at = models.DateTimeField("Thời điểm", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Bước xử lý"
        verbose_name_plural = "Các bước xử lý"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d} {self.status}"

    def status_label(self):
        return self.get_status_display()
