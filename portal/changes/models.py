from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision


class ChangeNote(models.Model):
    """What kind of change one published revision of a page was, with its public note."""

    class Kind(models.TextChoices):
        MAJOR = "major", _("Thay đổi quan trọng")
        MINOR = "minor", _("Thay đổi nhỏ")
        CORRECTION = "correction", _("Đính chính")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField("Loại thay đổi", max_length=10, choices=Kind.choices)
    note = models.CharField(
        "Ghi chú công khai",
        max_length=200,
        blank=True,
        help_text="Một dòng cho người đọc: đã thay đổi gì, đính chính điều gì.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "Ghi chú thay đổi"
        verbose_name_plural = "Lịch sử cập nhật"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision"], name="changes_one_note_per_revision"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.note}"
