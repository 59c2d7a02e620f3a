"""Moderated comments on news: each waits for an editor to publish it (pre-moderation), and only
where editors turned comments on for the section (off by default)."""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel


class CommentSection(models.Model):
    """A section (e.g. a news section) whose pages take comments. Off unless listed here."""

    section = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="Chuyên mục",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Các trang trong chuyên mục này nhận bình luận (được duyệt trước khi đăng).",
    )

    panels = [FieldPanel("section")]

    class Meta:
        verbose_name = "Chuyên mục nhận bình luận"
        verbose_name_plural = "Chuyên mục nhận bình luận"

    def __str__(self):
        return self.section.title


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    PUBLISHED = "published", "Đã đăng"
    REJECTED = "rejected", "Không đăng"


class Moderated(models.Model):
    """A citizen's comment that an editor publishes or refuses before anyone sees it."""

    status = models.CharField(
        "Trạng thái",
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField("Ngày gửi", default=timezone.now)
    moderated_at = models.DateTimeField("Ngày duyệt", null=True, blank=True)

    class Meta:
        abstract = True


class Comment(Moderated):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField("Tên hiển thị", max_length=100)
    # Never shown: only for the editor to reply; erased with the other personal data.
    email = models.EmailField("Thư điện tử (không công bố)", blank=True)
    text = models.TextField("Nội dung", max_length=2000)

    panels = [FieldPanel("name"), FieldPanel("text"), FieldPanel("status")]

    class Meta:
        verbose_name = "Bình luận"
        verbose_name_plural = "Bình luận"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"
