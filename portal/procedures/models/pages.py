from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.api import APIField
from wagtail.search import index
from wagtail.url_routing import RouteResult

from portal.api.fields import TypedDetailsField
from portal.core.models import BasePage
from portal.core.sites import owner_site, request_site
from portal.core.text import slugify_vi
from portal.core.weblinks import is_web_url

from ..panels import procedure_edit_handler
from .choices import Audience, ChannelMethod, Level, OnlineLevel, Status
from .fields import MultipleChoiceField
from .legal_links import LegalLinks
from .records import forms_named

TITLE_LENGTH = 255
# The comparison across provinces, under a national procedure's address: `…/so-sanh/`.
COMPARISON_SLUG = "so-sanh"


def title_for(name):
    """The page title for a procedure name: names longer than a title are cut at a word."""
    if len(name) <= TITLE_LENGTH:
        return name
    return name[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def slug_for(code, name):
    """A stable, readable URL slug that starts with the code: `1-004194-dang-ky-tam-tru`."""
    return slugify_vi(f"{code} {name}", max_length=100)


class ProcedurePage(LegalLinks, BasePage):
    """An administrative procedure (thủ tục hành chính), as the national database describes it."""

    natural_key_field = "code"  # names the procedure in content events

    code = models.CharField("Mã thủ tục", max_length=32, unique=True, help_text="Ví dụ: 1.004194")
    name = models.TextField("Tên thủ tục", help_text="Tên đầy đủ; tiêu đề trang lấy từ tên này.")
    procedure_fields = ParentalManyToManyField(
        "core.Field", verbose_name="Lĩnh vực", blank=True, related_name="procedures"
    )
    levels = MultipleChoiceField("Cấp thực hiện", value_choices=Level.choices)
    procedure_type = models.CharField("Loại thủ tục", max_length=255, blank=True)
    audiences = MultipleChoiceField("Đối tượng", value_choices=Audience.choices)
    implementing_agencies = ParentalManyToManyField(
        "core.Agency",
        verbose_name="Cơ quan thực hiện",
        blank=True,
        related_name="implemented_procedures",
    )
    competent_agency = models.ForeignKey(
        "core.Agency",
        verbose_name="Cơ quan có thẩm quyền",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competent_procedures",
    )
    receiving_agency = models.ForeignKey(
        "core.Agency",
        verbose_name="Cơ quan tiếp nhận hồ sơ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="receiving_procedures",
    )
    receiving_address = models.TextField("Địa chỉ tiếp nhận hồ sơ", blank=True)
    subjects = models.TextField("Đối tượng thực hiện", blank=True)
    requirements = models.TextField("Yêu cầu, điều kiện thực hiện", blank=True)
    result = models.TextField("Kết quả thực hiện", blank=True)
    decision = models.CharField("Quyết định công bố", max_length=500, blank=True)
    status = models.CharField(
        "Tình trạng", max_length=16, choices=Status.choices, default=Status.IN_FORCE
    )
    status_date = models.DateField("Ngày thay đổi tình trạng", null=True, blank=True)
    status_decision = models.CharField("Quyết định sửa đổi, bãi bỏ", max_length=500, blank=True)
    replacement_code = models.CharField(
        "Mã thủ tục thay thế",
        max_length=32,
        blank=True,
        help_text="Thủ tục thay thế hoặc sửa đổi thủ tục này; liên kết hiện khi thủ tục đó có "
        "trên cổng.",
    )
    online_level = models.CharField(
        "Mức độ dịch vụ công trực tuyến",
        max_length=16,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    popularity = models.PositiveBigIntegerField(
        "Mức độ sử dụng", default=0, db_index=True, help_text="Số lượt sử dụng, để xếp hạng."
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("code"),
        index.SearchField("name"),
        index.FilterField("status"),
    ]

    # Wagtail API v2 (/api/v2/pages/<id>/, headless previews) carries the typed endpoint's JSON.
    api_fields = [
        APIField("details", serializer=TypedDetailsField("portal.procedures.api.details"))
    ]

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    template = "procedures/procedure_page.html"
    print_template = "procedures/procedure_page_print.html"

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"

    def __str__(self):
        return f"{self.code} {self.title}"

    def full_clean(self, *args, **kwargs):
        # Editors edit the full name; the title (255 characters at most) follows it.
        if self.name:
            self.title = title_for(self.name)
        if not self.slug and self.code:
            self.slug = slug_for(self.code, self.name)
        super().full_clean(*args, **kwargs)

    @property
    def in_force(self):
        return self.status != Status.ABOLISHED

    @cached_property
    def own_site(self):
        """The site the procedure belongs to: a local-only one's province, else the ministry's."""
        return owner_site(self)

    @cached_property
    def replacement(self):
        """{"url", "code", "title"} of the published procedure replacing this one, or None."""
        from ..shared import replacement_links

        link = replacement_links().get(self.replacement_code) if self.replacement_code else None
        return link if link is not None and link["pk"] != self.pk else None

    def dossier_groups(self):
        """[(case, [items])] in the editor's order; items without a case form one group."""
        items = list(self.dossier_items.select_related("form"))
        # A form uploaded after the import is attached when the page is shown, all in one query.
        named = forms_named(
            item.form_filename for item in items if item.form is None and item.form_filename
        )
        groups = {}
        for item in items:
            if item.form is None and item.form_filename:
                item.form = named.get(item.form_filename)
            groups.setdefault(item.case, []).append(item)
        return list(groups.items())

    def get_url_parts(self, request=None):
        # A national procedure listed or served by a provincial catalogue has that address.
        catalogue = self.__dict__.get("served_by")
        if catalogue is None:
            return super().get_url_parts(request)
        parts = catalogue.get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, path = parts
        return site_id, root_url, f"{path}{self.slug}/"

    def served_on(self, site):
        """Whether the site serves this national procedure (portal.core.home_addresses)."""
        from ..local import serves

        return serves(site, self)

    def route(self, request, path_components):
        from ..local import is_national
        from ..provinces import PROVINCE_SLUG, asks_province

        if path_components == [COMPARISON_SLUG] and self.live and is_national(self):
            return RouteResult(self, kwargs={"view": "comparison"})
        picked = len(path_components) == 2 and path_components[0] == PROVINCE_SLUG
        if picked and asks_province(self):
            return RouteResult(self, kwargs={"view": "province", "slug": path_components[1]})
        return super().route(request, path_components)

    def serve(self, request, *args, view=None, **kwargs):
        if view == "comparison":
            from ..comparison import comparison_response

            return comparison_response(self, request)
        if view == "province":
            from ..provinces import province_response

            return province_response(self, request, kwargs["slug"])
        return super().serve(request, *args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        if request.GET.get("print"):
            return self.print_template
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, catalogue=None, **kwargs):
        """`catalogue`: the provincial catalogue the request was routed through, if any."""
        from ..local import (
            catalogue_of,
            effective_agencies,
            effective_channels,
            implementation_of,
            is_provincial,
            localised,
            owns,
        )
        from ..shared import agency_names, catalogue_link

        context = super().get_context(request, *args, **kwargs)
        # Read once for the facts and the page's metadata subjects (core's dc_subjects).
        prefetch_related_objects([self], "procedure_fields")
        site = request_site(request)
        served_locally = is_provincial(site) and not owns(site, self)
        if served_locally:
            implementation = implementation_of(self, site)
            catalogue = catalogue or catalogue_of(site, self.locale_id)
            page = localised(self, implementation, catalogue)
        else:
            implementation = None
            catalogue = catalogue_link(self.path[: -self.steplen])
            page = localised(self, None)
        channels = effective_channels(self, implementation)
        names = agency_names()
        context.update(
            page=page,
            self=page,
            catalogue=catalogue,
            local_implementation=implementation,
            local_forms=list(implementation.local_forms.all()) if implementation else [],
            comparison_url=self.comparison_url(site),
            province_choices=None if served_locally else self.province_choices(request),
            local_missing=served_locally and implementation is None,
            competent_agency=names.get(self.competent_agency_id),
            receiving_agency=names.get(self.receiving_agency_id),
            fields=list(self.procedure_fields.all()),
            agencies=effective_agencies(self, implementation),
            steps=list(self.steps.all()),
            channels=channels,
            dossier_groups=self.dossier_groups(),
            legal_bases=self.resolved_legal_bases(),
            decision_link=self.decision_link(),
            replacement=self.replacement,
            online_url=online_url_of(channels),
            level_labels=[Level(value).label for value in self.levels],
            audience_labels=[Audience(value).label for value in self.audiences],
        )
        return context

    def province_choices(self, request):
        """The 34 provinces to choose from, on the national page of a procedure whose local
        facts differ by province (portal/procedures/provinces.py); else None."""
        from ..provinces import asks_province, province_choices

        return province_choices(self, request) if asks_province(self) else None

    def comparison_url(self, site):
        """The comparison across provinces: on the ministry's site, for a national procedure
        that at least one local implementation exists of."""
        from ..local import is_provincial
        from ..shared import comparable_procedure_ids

        if is_provincial(site) or self.pk not in comparable_procedure_ids():
            return None
        return f"{self.url}{COMPARISON_SLUG}/"

    def search_documents(self):
        from ..documents import procedure_search_document

        return [procedure_search_document(self)]


def online_url_of(channels):
    for channel in channels:
        if channel.method == ChannelMethod.ONLINE and is_web_url(channel.url):
            return channel.url
    return ""


ProcedurePage.edit_handler = procedure_edit_handler()
