import re

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Text on the theme's backgrounds must stay readable (WCAG 2.1 AA, normal text): a site's
# colours are checked against white and the light tint panels use (portal.css `--tint`).
AA_CONTRAST = 4.5
BACKGROUNDS = ("#ffffff", "#f3f6f9")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_problem(value):
    """Why this colour cannot be a theme colour (in Vietnamese), or "" when it can."""
    if not value:
        return ""
    if not _HEX.match(value):
        return "Màu phải có dạng #rrggbb, ví dụ #0b5394."
    worst = min(contrast_ratio(value, background) for background in BACKGROUNDS)
    if worst < AA_CONTRAST:
        return (
            f"Độ tương phản với nền sáng chỉ {worst:.2f}:1, cần tối thiểu {AA_CONTRAST}:1 "
            "(WCAG AA); hãy chọn màu đậm hơn."
        )
    return ""


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
    short_name = models.CharField(
        "Tên viết tắt",
        max_length=100,
        blank=True,
        help_text="Ví dụ: Sở NN&MT Hà Nội; dùng trong tên nhóm biên tập của trang.",
    )
    province = models.CharField(
        "Tỉnh, thành phố",
        max_length=100,
        blank=True,
        help_text="Để trống với trang của Bộ; dùng để lọc kết quả tìm kiếm theo địa phương.",
    )
    parent_site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Cơ quan cấp trên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Trang của cơ quan cấp trên (Bộ); để trống với trang của Bộ.",
    )
    brand_colour = models.CharField(
        "Màu chủ đạo",
        max_length=7,
        blank=True,
        help_text="Dạng #rrggbb: màu liên kết; cần tương phản từ 4,5:1 trên nền trắng.",
    )
    brand_dark_colour = models.CharField(
        "Màu đầu trang",
        max_length=7,
        blank=True,
        help_text="Dạng #rrggbb: nền đầu trang, chữ trắng; cần tương phản từ 4,5:1.",
    )

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
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("province"), FieldPanel("parent_site")],
            heading="Địa phương",
        ),
        MultiFieldPanel(
            [FieldPanel("brand_colour"), FieldPanel("brand_dark_colour")],
            heading="Màu sắc giao diện",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cơ quan"

    def clean(self):
        super().clean()
        errors = {}
        for name in ("brand_colour", "brand_dark_colour"):
            problem = colour_problem(getattr(self, name))
            if problem:
                errors[name] = problem
        if errors:
            raise ValidationError(errors)

    def theme_colours(self):
        """CSS custom properties this site overrides in the theme: {"--brand": "#0b5394"}."""
        chosen = {"--brand": self.brand_colour, "--brand-dark": self.brand_dark_colour}
        return {
            name: value for name, value in chosen.items() if value and not colour_problem(value)
        }

    def name_for(self, language_code):
        if language_code == "en" and self.agency_name_en:
            return self.agency_name_en
        return self.agency_name

    def address_for(self, language_code):
        if language_code == "en" and self.address_en:
            return self.address_en
        return self.address
