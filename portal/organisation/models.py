"""The agency's organisation page (Decree 224/2026/NĐ-CP Art. 9(1)(b)): functions, duties and
powers, its units as a tree (each with functions, address, phone and head), its leaders with
a short biography and assigned duties (past leaders kept with their terms), and its history.
One per site, under the site's home."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.core.models import AgencySettings, BasePage
from portal.core.sites import request_site


class OrganisationPage(BasePage):
    functions = RichTextField("Chức năng, nhiệm vụ, quyền hạn")
    history = RichTextField("Lịch sử hình thành và phát triển", blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("functions"),
        InlinePanel("units", label="Đơn vị trực thuộc"),
        InlinePanel("leaders", label="Lãnh đạo"),
        FieldPanel("history"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "organisation/organisation_page.html"

    class Meta:
        verbose_name = "Cơ cấu tổ chức"
        verbose_name_plural = "Cơ cấu tổ chức"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        agency = AgencySettings.for_site(request_site(request))
        name = agency.name_for(get_language()) or self.title
        context["organization"] = self.organization_data(name)
        return context

    def unit_tree(self):
        """[(unit, [child units…])…] from the top: a unit names its parent unit by name."""
        units = list(self.units.all())
        names = {unit.name for unit in units}
        children = {}
        for unit in units:
            parent = unit.parent_name if unit.parent_name in names else ""
            children.setdefault(parent, []).append(unit)

        def branch(name):
            return [(unit, branch(unit.name)) for unit in children.get(name, [])]

        return branch("")

    def organization_data(self, agency_name):
        """schema.org GovernmentOrganization with its units and its current leaders."""
        return {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": agency_name,
            "subOrganization": [
                {
                    "@type": "GovernmentOrganization",
                    "name": unit.name,
                    **({"address": unit.address} if unit.address else {}),
                    **({"telephone": unit.phone} if unit.phone else {}),
                }
                for unit in self.units.all()
            ],
            "member": [
                {
                    "@type": "Person",
                    "name": leader.name,
                    "jobTitle": leader.title,
                    **({"description": leader.biography} if leader.biography else {}),
                }
                for leader in self.current_leaders()
            ],
        }

    def current_leaders(self):
        return [leader for leader in self.leaders.all() if leader.is_current]

    def former_leaders(self):
        return [leader for leader in self.leaders.all() if not leader.is_current]


class Unit(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="units")
    name = models.CharField("Tên đơn vị", max_length=255)
    parent_name = models.CharField(
        "Thuộc đơn vị",
        max_length=255,
        blank=True,
        help_text="Tên đơn vị cấp trên; để trống nếu trực thuộc cơ quan.",
    )
    functions = models.TextField("Chức năng, nhiệm vụ", blank=True)
    head = models.CharField("Người đứng đầu", max_length=200, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    phone = models.CharField("Điện thoại", max_length=50, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("parent_name"),
        FieldPanel("functions"),
        FieldPanel("head"),
        FieldPanel("address"),
        FieldPanel("phone"),
    ]


class Leader(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField("Họ và tên", max_length=200)
    title = models.CharField("Chức vụ", max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField("Tiểu sử tóm tắt", blank=True)
    duties = models.TextField("Nhiệm vụ được phân công", blank=True)
    oversees = models.CharField("Phụ trách các đơn vị", max_length=500, blank=True)
    term_start = models.DateField("Bắt đầu nhiệm kỳ", null=True, blank=True)
    term_end = models.DateField(
        "Kết thúc nhiệm kỳ", null=True, blank=True, help_text="Để trống khi đang đương nhiệm."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("photo"),
        FieldPanel("biography"),
        FieldPanel("duties"),
        FieldPanel("oversees"),
        FieldPanel("term_start"),
        FieldPanel("term_end"),
    ]

    @property
    def is_current(self):
        return self.term_end is None or self.term_end >= timezone.localdate()
