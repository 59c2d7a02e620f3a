"""Comments on a draft, on the whole text or one article: moderated before publication like the
comments on news (portal.engagement: same statuses, same moderation record), and answered in
the drafting unit's summary (tiếp thu or giải trình). Who wrote is never public."""

from django.db import models

from wagtail.admin.panels import FieldPanel

from portal.engagement.models import Moderated


class Reception(models.TextChoices):
    ACCEPTED = "accepted", "Tiếp thu"
    EXPLAINED = "explained", "Giải trình"


class DraftComment(Moderated):
    draft = models.ForeignKey(
        "drafts.DraftPage", verbose_name="Dự thảo", on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        "drafts.DraftArticle",
        verbose_name="Điều",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code = models.CharField("Mã ý kiến", max_length=20, unique=True, editable=False)
    # Personal data: for staff only, never on a page, the API, the index, a feed or a log.
    name = models.CharField("Họ tên", max_length=100, blank=True)
    organisation = models.CharField("Tổ chức", max_length=200, blank=True)
    # Blank only once erased after the retention period (the form requires it).
    email = models.EmailField("Thư điện tử (không công bố)", blank=True)
    consented_at = models.DateTimeField("Đồng ý xử lý dữ liệu cá nhân lúc")
    text = models.TextField("Nội dung", max_length=5000)
    public_text = models.TextField(
        "Nội dung công bố",
        max_length=5000,
        help_text="Đã che họ tên, thư điện tử, số điện thoại; có thể sửa trước khi đăng.",
    )
    reception = models.CharField(
        "Tiếp thu / giải trình", max_length=10, choices=Reception.choices, blank=True
    )
    response = models.TextField("Nội dung tiếp thu, giải trình", blank=True)

    panels = [
        FieldPanel("public_text"),
        FieldPanel("status"),
        FieldPanel("reception"),
        FieldPanel("response"),
    ]

    class Meta:
        verbose_name = "Ý kiến góp ý dự thảo"
        verbose_name_plural = "Ý kiến góp ý dự thảo"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def anchor(self):
        return f"y-kien-{self.code.lower()}"

    @property
    def response_anchor(self):
        return f"tiep-thu-{self.code.lower()}"
