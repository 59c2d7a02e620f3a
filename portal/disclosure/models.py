"""The "công khai" collection: documents an agency must make public where the portal has no
other home for them (plans, budget, aid, public investment and procurement, inspection
conclusions, recruitment, periodic reports; Law 104/2016/QH13 Art. 17(1)(d)(đ)(e)(g)(i)(l)),
each with its category, period and attachments, under one listing page per site."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from portal.core.models import BasePage
from portal.core.sites import request_site
from portal.core.visibility import visible

# A year, a quarter or a month: 2026, 2026-Q3, 2026-10.
PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


class Category(models.TextChoices):
    PLANS = "plans", _("Chiến lược, chương trình, kế hoạch, quy hoạch")
    BUDGET = "budget", _("Dự toán, thực hiện, quyết toán ngân sách")
    AID = "aid", _("Vốn ODA, viện trợ, các khoản đóng góp và quỹ")
    INVESTMENT = "investment", _("Đầu tư công, mua sắm công, đấu thầu")
    INSPECTIONS = "inspections", _("Kết luận thanh tra")
    RECRUITMENT = "recruitment", _("Tuyển dụng")
    REPORTS = "reports", _("Báo cáo định kỳ")


# The item of the disclosure list (portal.disclosure.items) each category publishes.
ITEM_OF = {Category.RECRUITMENT: "statistics", Category.REPORTS: "statistics"}


def item_of(category):
    return ITEM_OF.get(category, category)


def validate_period(value):
    if not PERIOD.match(value or ""):
        raise ValidationError(_("Kỳ phải là năm, quý hoặc tháng: 2026, 2026-Q3, 2026-10."))


class DisclosureIndexPage(BasePage):
    """The site's "Công khai thông tin" page: its disclosure documents by category."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["disclosure.DisclosureDocumentPage"]
    max_count_per_parent = 1
    template = "disclosure/disclosure_index_page.html"

    class Meta:
        verbose_name = "Trang công khai thông tin"
        verbose_name_plural = "Trang công khai thông tin"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = visible(DisclosureDocumentPage.objects.child_of(self), request_site(request))
        by_category = {}
        for document in documents.order_by("-period", "title"):
            by_category.setdefault(document.category, []).append(document)
        context["categories"] = [
            (value, label, by_category[value])
            for value, label in Category.choices
            if value in by_category
        ]
        return context


class DisclosureDocumentPage(BasePage):
    natural_key_field = "slug"

    category = models.CharField("Loại thông tin công khai", max_length=20, choices=Category.choices)
    period = models.CharField(
        "Kỳ", max_length=7, validators=[validate_period], help_text="Năm, quý hoặc tháng."
    )
    summary = models.TextField("Tóm tắt", blank=True)
    created_on = models.DateField(
        "Ngày tạo lập thông tin",
        null=True,
        blank=True,
        help_text="Ngày ký, ban hành hoặc lập văn bản: hạn đăng tính từ ngày này.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("category"),
        FieldPanel("period"),
        FieldPanel("created_on"),
        FieldPanel("summary"),
        InlinePanel("attachments", label="Tệp đính kèm"),
    ]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = []
    template = "disclosure/disclosure_document_page.html"

    class Meta:
        verbose_name = "Văn bản công khai"
        verbose_name_plural = "Văn bản công khai"


class DisclosureAttachment(Orderable):
    page = ParentalKey(DisclosureDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("Tên tệp", max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField("Địa chỉ tệp", blank=True)

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("url")]

    def clean(self):
        if not self.document_id and not self.url:
            raise ValidationError({"url": _("Hãy chọn một tệp hoặc nhập địa chỉ tệp.")})

    def link(self):
        return self.document.url if self.document_id else self.url
