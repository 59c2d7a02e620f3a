from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class AgencySettings(BaseSiteSetting):
    """Who runs the portal: shown in the header, the footer and structured data."""

    agency_name = models.CharField("Tên cơ quan", max_length=255, blank=True)
    agency_name_en = models.CharField("Tên cơ quan (tiếng Anh)", max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Biểu trưng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    address_en = models.CharField("Địa chỉ (tiếng Anh)", max_length=255, blank=True)
    hotline = models.CharField("Đường dây nóng", max_length=50, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("agency_name"), FieldPanel("agency_name_en"), FieldPanel("logo")],
            heading="Cơ quan",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("hotline"),
                FieldPanel("email"),
            ],
            heading="Liên hệ",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cơ quan"

    def name_for(self, language_code):
        if language_code == "en" and self.agency_name_en:
            return self.agency_name_en
        return self.agency_name

    def address_for(self, language_code):
        if language_code == "en" and self.address_en:
            return self.address_en
        return self.address
