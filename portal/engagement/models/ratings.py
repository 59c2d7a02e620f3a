"""“Thông tin này có hữu ích không?”: one answer per browser per page, for editors."""

from django.db import models
from django.utils import timezone


class Rating(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang", on_delete=models.CASCADE, related_name="+"
    )
    helpful = models.BooleanField("Hữu ích")
    comment = models.TextField("Góp ý cho biên tập viên", blank=True, max_length=1000)
    # A hash of a random cookie value: tells browsers apart without saying who they are.
    rater = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField("Thời điểm", default=timezone.now)

    class Meta:
        verbose_name = "Đánh giá trang"
        verbose_name_plural = "Đánh giá trang"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "rater"], name="one_rating_per_browser")
        ]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.helpful else '-'}"
