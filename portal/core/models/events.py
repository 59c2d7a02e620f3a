"""The content event log and what reads it: one row per change to public content, the import
runs that made changes, and each consumer's position in the log."""

from django.conf import settings
from django.db import models
from django.utils import timezone

STATE_LABELS = {"running": "Đang chạy", "finished": "Xong", "interrupted": "Bị ngắt giữa chừng"}


class ImportRun(models.Model):
    """One run of `import_content`: the actor of the changes it made."""

    started_at = models.DateTimeField("Bắt đầu", default=timezone.now, db_index=True)
    finished_at = models.DateTimeField("Kết thúc", null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người chạy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    command = models.CharField("Lệnh", max_length=100, default="import_content")
    files = models.JSONField("Tệp", default=list)
    lines = models.PositiveIntegerField("Số dòng", default=0)
    created = models.PositiveIntegerField("Tạo mới", default=0)
    changed = models.PositiveIntegerField("Thay đổi", default=0)
    unchanged = models.PositiveIntegerField("Không đổi", default=0)
    rejected = models.PositiveIntegerField("Bị từ chối", default=0)
    rejected_lines = models.JSONField("Các dòng bị từ chối", default=list)
    # The counts above are saved with every committed transaction, so a run killed part-way
    # shows what it committed; `interrupted` says it never finished (see importing/records.py).
    interrupted = models.BooleanField("Bị ngắt giữa chừng", default=False)
    progress_at = models.DateTimeField("Lần ghi cuối", null=True, blank=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "Lần nhập dữ liệu"
        verbose_name_plural = "Các lần nhập dữ liệu"
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {', '.join(self.file_names())}"

    def file_names(self):
        return [str(name).rsplit("/", 1)[-1] for name in self.files]

    @property
    def files_display(self):
        return ", ".join(self.file_names())

    @property
    def state(self):
        """ "finished", "interrupted" (killed, or stopped by an error) or "running"."""
        from ..importing.records import state_of

        return state_of(self)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    state_label.fget.short_description = "Tình trạng"


class ContentEvent(models.Model):
    """A change to public content, written in the transaction that made it."""

    class Action(models.TextChoices):
        CREATED = "created", "Tạo mới"
        CHANGED = "changed", "Thay đổi"
        VALIDITY_CHANGED = "validity_changed", "Đổi tình trạng hiệu lực"
        UNPUBLISHED = "unpublished", "Gỡ xuất bản"
        DELETED = "deleted", "Xóa"
        MOVED = "moved", "Di chuyển"

    id = models.BigAutoField(primary_key=True)
    page_id = models.IntegerField(null=True, blank=True, db_index=True)  # kept after deletion
    kind = models.CharField(max_length=100)  # app_label.model of the page or snippet
    key = models.CharField(max_length=255, blank=True)  # natural key: code, number, slug
    site_id = models.IntegerField(null=True, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    changes = models.JSONField(default=list, blank=True)  # names of the changed fields
    # Addresses the change made stale that the page tree no longer knows afterwards: a deleted
    # page's, a moved page's old ones. Read by the front-proxy purge.
    urls = models.JSONField(default=list, blank=True)
    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.CharField(max_length=100, blank=True)  # "import_content", "editor", ...
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )

    class Meta:
        verbose_name = "Sự kiện nội dung"
        verbose_name_plural = "Nhật ký thay đổi nội dung"
        ordering = ["id"]

    def __str__(self):
        return f"{self.id} {self.action} {self.kind} {self.key or self.page_id}"


class ConsumerState(models.Model):
    """How far one consumer (search, caches, ...) has read the log, and its failures."""

    name = models.CharField(max_length=50, unique=True)
    position = models.BigIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)  # failures in a row
    last_error = models.TextField(blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Bộ đọc nhật ký nội dung"

    def __str__(self):
        return f"{self.name} @ {self.position}"
