"""Small abstract mixins that every page type combines through `BasePage`.

Each mixin carries the panels for its own fields, so a page type lists them once.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class SocialMixin(models.Model):
    """What a page looks like when shared on social networks (Open Graph, Twitter cards)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh chia sẻ mạng xã hội",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_text = models.CharField("Mô tả khi chia sẻ", max_length=255, blank=True)

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")], heading="Mạng xã hội"
        )
    ]

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How a page appears in listings and cards, when it should differ from the page itself."""

    listing_title = models.CharField(
        "Tiêu đề trong danh sách",
        max_length=255,
        blank=True,
        help_text="Để trống để dùng tiêu đề của trang.",
    )
    listing_summary = models.TextField("Tóm tắt trong danh sách", blank=True)
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh trong danh sách",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading="Hiển thị trong danh sách",
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title
