"""What citizens submit: questions and reports, each with a tracking code and a public history."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from portal.core.working_days import add_working_days, working_days_after

from ..choices import (
    PROVINCE_CHOICES,
    REPORT_CLOSED,
    Channel,
    QuestionStatus,
    ReportCategory,
    ReportStatus,
)


def _private_storage():
    """Beside MEDIA_ROOT, never under it: no URL reaches these files."""
    root = getattr(settings, "ENGAGEMENT_PRIVATE_ROOT", None)
    return FileSystemStorage(location=root or Path(settings.MEDIA_ROOT).parent / "private")


private_storage = SimpleLazyObject(_private_storage)


def get_private_storage():
    return private_storage


def _random_name(folder, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def _photo_name(instance, filename):
    return _random_name("reports", filename)


def _attachment_name(instance, filename):
    return _random_name("questions", filename)


class Submission(models.Model):
    code = models.CharField("Mã theo dõi", max_length=12, unique=True, editable=False)
    created_at = models.DateTimeField("Ngày gửi", default=timezone.now, db_index=True)
    channel = models.CharField("Kênh", max_length=10, choices=Channel.choices, default="web")
    contact = models.OneToOneField(
        "engagement.Contact",
        verbose_name="Thông tin liên hệ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(class)s",
    )
    province = models.CharField("Tỉnh, thành phố", max_length=40, choices=PROVINCE_CHOICES)
    # The agency whose case it is: that of the site it was sent on (or of the province chosen on
    # the ministry's site); a transfer moves it (portal/engagement/ownership.py).
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Cơ quan tiếp nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    erased_at = models.DateTimeField("Đã xóa dữ liệu cá nhân lúc", null=True, blank=True)
    # The language the sender wrote in: the emails about this submission are in it.
    language = models.CharField(
        "Ngôn ngữ", max_length=10, choices=settings.LANGUAGES, default="vi", editable=False
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def history(self):
        return self.status_changes.order_by("created_at", "pk")


class Question(Submission):
    field = models.ForeignKey(
        "core.Field",
        verbose_name="Lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("Tiêu đề", max_length=200)
    text = models.TextField("Nội dung câu hỏi (bản gốc)")
    public_text = models.TextField(
        "Nội dung câu hỏi để công bố",
        blank=True,
        help_text="Bản được đăng cùng câu trả lời: không có thông tin cá nhân của người hỏi.",
    )
    publishable = models.BooleanField("Được công bố", default=True)
    status = models.CharField(
        "Trạng thái",
        max_length=12,
        choices=QuestionStatus.choices,
        default=QuestionStatus.RECEIVED,
        db_index=True,
    )
    unit = models.ForeignKey(
        "core.Agency",
        verbose_name="Đơn vị trả lời",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.TextField("Nội dung trả lời (dự thảo)", blank=True)
    answer_page = models.ForeignKey(
        "engagement.AnswerPage",
        verbose_name="Trang câu trả lời",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField("Ngày trả lời", null=True, blank=True)
    exchange = models.ForeignKey(
        "engagement.ExchangePage",
        verbose_name="Giao lưu trực tuyến",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    attachment = models.FileField(
        "Tệp đính kèm",
        upload_to=_attachment_name,
        storage=get_private_storage,
        blank=True,
        editable=False,
    )

    panels = [
        HelpPanel(
            content="Phân công đơn vị, soạn câu trả lời rồi bấm “Trình duyệt câu trả lời” trong "
            "danh sách: trang câu trả lời được gửi Ban biên tập duyệt theo quy trình."
        ),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("public_text"), FieldPanel("field")],
            heading="Câu hỏi",
        ),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("publishable"), FieldPanel("exchange")]),
        FieldPanel("answer"),
        FieldPanel("text", read_only=True),
    ]

    class Meta(Submission.Meta):
        verbose_name = "Câu hỏi"
        verbose_name_plural = "Hỏi đáp"


def deadline_from(day):
    """The deadline of a report received on `day`: ENGAGEMENT_REPORT_WORKING_DAYS working days
    later (weekends and the calendar's public holidays not counted)."""
    return add_working_days(day, settings.ENGAGEMENT_REPORT_WORKING_DAYS)


def _deadline():
    return deadline_from(timezone.localdate())


class Report(Submission):
    category = models.CharField("Loại phản ánh", max_length=12, choices=ReportCategory.choices)
    commune = models.CharField("Xã, phường, đặc khu", max_length=100, blank=True)
    address = models.CharField("Địa điểm", max_length=255, blank=True)
    latitude = models.DecimalField("Vĩ độ", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(
        "Kinh độ", max_digits=9, decimal_places=6, null=True, blank=True
    )
    occurred_on = models.DateField("Ngày xảy ra", null=True, blank=True)
    description = models.TextField("Nội dung phản ánh")
    status = models.CharField(
        "Trạng thái",
        max_length=12,
        choices=ReportStatus.choices,
        default=ReportStatus.RECEIVED,
        db_index=True,
    )
    deadline = models.DateField("Hạn xử lý", default=_deadline)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name="Cơ quan xử lý",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField("Ngày kết thúc", null=True, blank=True)
    reminded_at = models.DateTimeField("Đã nhắc hạn", null=True, blank=True, editable=False)
    overdue_notice_at = models.DateTimeField(
        "Đã báo quá hạn", null=True, blank=True, editable=False
    )
    transferred_to_site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Chuyển đến cổng của cơ quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publishable = models.BooleanField(
        "Được công bố",
        default=True,
        help_text="Bỏ chọn: phản ánh không bao giờ lên danh sách và bản đồ công khai.",
    )

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("deadline"), FieldPanel("agency")]),
        FieldPanel("publishable"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("commune"), FieldPanel("address")]),
        FieldPanel("description", read_only=True),
    ]

    class Meta(Submission.Meta):
        verbose_name = "Phản ánh, kiến nghị"
        verbose_name_plural = "Phản ánh, kiến nghị"

    @property
    def overdue(self):
        return self.status not in REPORT_CLOSED and self.deadline < timezone.localdate()

    @property
    def overdue_working_days(self):
        """Working days past the deadline of a report still open (0 when it is not late)."""
        if not self.overdue:
            return 0
        return working_days_after(self.deadline, timezone.localdate())

    @admin.display(description="Quá hạn")
    def overdue_label(self):
        days = self.overdue_working_days
        return f"Quá hạn {days} ngày làm việc" if self.overdue else ""


class StatusChange(models.Model):
    """One step of a submission's history; its note is public, who made it is not."""

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="status_changes"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField("Trạng thái", max_length=12)
    note = models.TextField("Ghi chú công khai", blank=True)
    created_at = models.DateTimeField("Thời điểm", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Bước xử lý"
        verbose_name_plural = "Các bước xử lý"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(question__isnull=True) ^ models.Q(report__isnull=True),
                name="status_change_of_one_submission",
            )
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d} {self.status}"

    def status_label(self):
        choices = QuestionStatus if self.question_id else ReportStatus
        return dict(choices.choices).get(self.status, self.status)


class ReportPhoto(models.Model):
    """A photo of a report, stored outside MEDIA_ROOT: only a staff view serves it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=_photo_name, storage=get_private_storage)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        verbose_name = "Ảnh phản ánh"
        verbose_name_plural = "Ảnh phản ánh"

    def __str__(self):
        return f"{self.report_id}: {self.width}×{self.height}"
