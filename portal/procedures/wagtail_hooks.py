"""The procedure catalogue in the admin: a flat listing with filters by field, level and status."""

import django_filters

from django import forms
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from portal.api.catalog import HOOK as DATASETS_HOOK
from portal.api.catalog import dataset
from portal.core.home import HOOK, current_site, in_locale_or_fallback, listing_url, section_item
from portal.core.models import Field
from portal.core.publishing.snippets import PublicSnippet
from portal.core.visibility import visible
from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import pages_source, published

from .local_admin import LocalImplementationPolicy, LocalImplementationViewSet
from .models import Level, LocalImplementation, ProcedureIndexPage, ProcedurePage, Status
from .models.fields import MultipleChoiceField


class ProcedureFilterSet(PageFilterSet):
    procedure_fields = django_filters.ModelMultipleChoiceFilter(
        label="Lĩnh vực", queryset=Field.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    level = django_filters.ChoiceFilter(
        label="Cấp thực hiện", choices=Level.choices, method="filter_level"
    )
    status = django_filters.ChoiceFilter(label="Tình trạng", choices=Status.choices)

    class Meta:
        model = ProcedurePage
        fields = []

    def filter_level(self, queryset, name, value):
        return queryset.filter(levels__contains=MultipleChoiceField.token(value))


class ProcedureListingViewSet(PageListingViewSet):
    model = ProcedurePage
    icon = "list-ul"
    menu_label = "Thủ tục hành chính"
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = ProcedureFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("code", label="Mã thủ tục", sort_key="code"),
        Column("status", label="Tình trạng", accessor="get_status_display", sort_key="status"),
        Column("popularity", label="Mức độ sử dụng", sort_key="popularity"),
    ]


@hooks.register("register_admin_viewset")
def register_procedure_listing():
    return ProcedureListingViewSet("procedures")


register_permission_policy(
    LocalImplementation, LocalImplementationPolicy(LocalImplementation), exact_class=True
)
register_snippet(LocalImplementationViewSet)


@hooks.register("register_public_snippets")
def public_implementations():
    """A province's implementation, once published, changes its site's page of the procedure:
    its event names that site, and search and the front cache re-read the national page."""
    return [
        PublicSnippet(
            LocalImplementation,
            pages=lambda local: [local.procedure_id],
            site_id=lambda local: local.site_id,
        )
    ]


@hooks.register(HOOK)
def home_procedures(locale, size):
    """The procedures people use most (by usage weight), abolished ones left out; on a
    provincial site, those of its catalogue, under its own address."""
    from .local import as_served, site_procedures

    site = current_site()
    pages = (
        site_procedures(site, ProcedurePage.objects.all())
        .exclude(status="abolished")
        .select_related("locale")
        .order_by("-popularity", "code")
    )
    found = [page for page, _local in as_served(in_locale_or_fallback(pages, locale, size), site)]
    return {
        "popular_procedures": [section_item(page, meta=page.code) for page in found],
        "procedures_url": listing_url(ProcedureIndexPage, locale),
    }


@hooks.register("register_shared_page_types")
def shared_procedures():
    """The national procedure catalogue: every agency's site shows it (portal/core/sites.py)."""
    return [ProcedurePage]


@hooks.register("register_site_sections")
def procedure_section(site):
    """A new agency's site gets its procedure listing (portal/core/agencies.py). Its editors
    may edit it, and so record their province's implementations, which its board approves."""
    from portal.core.editorial import grant_section_editing
    from portal.core.site_structure import ensure_section

    from .importers import SECTION
    from .local_importing import adopt_implementations

    section = ensure_section(ProcedureIndexPage, **SECTION, site=site)
    if not site.is_default_site:
        grant_section_editing(section)
        adopt_implementations(site)
    return [section]


@hooks.register("register_citing_pages")
def procedures_citing(pages):
    """Procedures that show these legal documents (and their validity) as their legal basis."""
    numbers = {number for page in pages if (number := getattr(page, "normalised_number", ""))}
    if not numbers:
        return []
    return visible(
        ProcedurePage.objects.filter(legal_bases__normalised_number__in=numbers).distinct()
    )


@hooks.register(DATASETS_HOOK)
def open_datasets(request):
    return [
        dataset(
            "procedures",
            _("Thủ tục hành chính"),
            _(
                "Danh mục thủ tục hành chính: trình tự, cách thức, thời hạn, phí, lệ phí, hồ sơ, "
                "biểu mẫu và nơi thực hiện."
            ),
            [_("thủ tục hành chính"), _("dịch vụ công")],
            "/api/procedures/",
            "/api/feeds/procedures/",
        )
    ]


@hooks.register(DISCLOSURE_HOOK)
def disclosed_procedures(request, site):
    found = pages_source("procedures", request, site, ProcedureIndexPage, ProcedurePage)
    # Fees and charges are published with each procedure's channels: the same pages.
    return found + [published("fees", entry["url"], entry["updated"]) for entry in found]
