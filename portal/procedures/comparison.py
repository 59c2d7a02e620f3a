"""Compare across provinces: one national procedure's time, fees, online level and agency on
every provincial site that publishes it, the local values where set, else the national ones."""

from django.template.response import TemplateResponse

from wagtail.models import Site

from portal.core.models import AgencySettings
from portal.core.sites import national_site
from portal.core.text import vietnamese_sort_key

from .local import effective_summary, localised, owns
from .models import LocalImplementation, OnlineLevel, ProcedureIndexPage, ProcedurePage


def implementations(page, request=None):
    """One row per provincial site that publishes this national procedure, by site name."""
    national = national_site()
    page = ProcedurePage.objects.prefetch_related("channels", "implementing_agencies").get(
        pk=page.pk
    )
    local = {
        item.site_id: item
        for item in LocalImplementation.objects.filter(procedure=page).select_related(
            "implementing_agency"
        )
    }
    catalogues = list(
        ProcedureIndexPage.objects.live().filter(locale=page.locale_id).order_by("path")
    )
    sites = Site.objects.select_related("root_page").order_by("site_name", "hostname")
    provinces = dict(AgencySettings.objects.exclude(province="").values_list("site_id", "province"))
    rows = []
    for site in sites.exclude(pk=national.pk if national else None):
        catalogue = next((c for c in catalogues if owns(site, c)), None)
        implementation = local.get(site.pk)
        if catalogue is None:
            continue
        if implementation is None and not set(catalogue.implemented_levels) & set(page.levels):
            continue
        summary = effective_summary(page, implementation)
        rows.append(
            {
                "site": site.hostname,
                "province": provinces.get(site.pk) or site.site_name or site.hostname,
                "url": localised(page, implementation, catalogue).get_full_url(request),
                **summary,
                "online_level_label": OnlineLevel(summary["online_level"]).label,
            }
        )
    return sorted(rows, key=lambda row: vietnamese_sort_key(row["province"]))


def comparison_response(page, request):
    return TemplateResponse(
        request,
        "procedures/procedure_comparison.html",
        {
            "page": page,
            "self": page,
            "rows": implementations(page, request),
            "national": effective_summary(page, None),
        },
    )
