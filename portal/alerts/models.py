"""What alerts store: the subscriber's email address and language, what they follow, the changes
that matched a followed query, and the outbox. Nothing else about a person; unsubscribing from
the last subscription deletes the subscriber and, with it, every row that names them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Ngay khi có thay đổi")
    DAILY = "daily", _("Tổng hợp hằng ngày")
    WEEKLY = "weekly", _("Tổng hợp hằng tuần")


class Subscriber(models.Model):
    email = models.EmailField("Thư điện tử", unique=True)
    language = models.CharField("Ngôn ngữ", max_length=10, default="vi")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "Người theo dõi"
        verbose_name_plural = "Người theo dõi"

    def __str__(self):
        return self.email


class Subscription(models.Model):
    """One followed thing: a query over public content (`query`, as search parameters) or one
    page. `query_key` names the query, so subscribers of the same query share their matches."""

    class Kind(models.TextChoices):
        SECTION = "section", "Chuyên mục tin"
        LEGAL = "legal", "Văn bản pháp luật theo bộ lọc"
        SEARCH = "search", "Tìm kiếm đã lưu"
        PAGE = "page", "Một thủ tục hoặc văn bản"
        TOPIC = "topic", "Chủ đề, chuyên trang"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField("Loại", max_length=10, choices=Kind.choices)
    query = models.JSONField(default=dict, blank=True)
    query_key = models.CharField(max_length=64, db_index=True)
    label = models.CharField("Nội dung theo dõi", max_length=300)
    frequency = models.CharField(
        "Tần suất", max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "Đăng ký theo dõi"
        verbose_name_plural = "Đăng ký theo dõi"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "query_key"], name="alerts_one_subscription_per_query"
            )
        ]
        indexes = [models.Index(fields=["frequency", "query_key"])]

    def __str__(self):
        return self.label


class Match(models.Model):
    """A change (one content event) that a followed query matched, described once for all its
    subscribers. Holds no personal data."""

    query_key = models.CharField(max_length=64)
    event_id = models.BigIntegerField()
    change = models.JSONField()  # {"code", "title", "url", "params"}: see `changes.describe`
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_key", "event_id"], name="alerts_match_once")
        ]
        indexes = [models.Index(fields=["query_key", "created_at"])]

    def __str__(self):
        return f"{self.query_key[:8]} @ {self.event_id}"


class OutgoingEmail(models.Model):
    """One alert or digest to one subscriber: rendered when sent, retried when the mail server
    refuses it. `period` ("daily:2026-11-30") makes each digest exist once."""

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ gửi"
        SENDING = "sending", "Đang gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi thất bại"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="outbox")
    period = models.CharField(max_length=30, blank=True)
    matches = models.JSONField(default=list)  # Match ids
    subscriptions = models.JSONField(default=list)  # the ids the unsubscribe link ends
    status = models.CharField(
        "Trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField("Số lần thử", default=0)
    last_error = models.TextField("Lỗi gần nhất", blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "Thư theo dõi"
        verbose_name_plural = "Thư theo dõi (hộp thư đi)"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "period"],
                condition=~models.Q(period=""),
                name="alerts_one_digest_per_period",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.period or 'immediate'} #{self.pk}"
