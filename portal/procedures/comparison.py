"""Compare across provinces: one national procedure's time, fees, online level and agency on
every provincial site that publishes it, the local values where set, else the national ones."""

from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse

from portal.core.models import AgencySettings
from portal.core.sites import every_site, owner_site
from portal.core.text import vietnamese_sort_key
from portal.core.visibility import visible

from .local import effective_summary, localised, public_implementations, published_summary
from .models import OnlineLevel, ProcedureIndexPage


def implementations(page, request=None):
    """One row per provincial site that publishes this national procedure, by site name."""
    prefetch_related_objects([page], "channels", "implementing_agencies")
    local = {
        item.site_id or item.province: item
        for item in public_implementations()
        .filter(procedure=page)
        .select_related("implementing_agency")
    }
    # Each site's first catalogue, its owner found in memory from the remembered sites.
    catalogues = {}
    for catalogue in visible(ProcedureIndexPage.objects.filter(locale=page.locale_id)).order_by(
        "path"
    ):
        catalogues.setdefault(owner_site(catalogue).pk, catalogue)
    sites = {site.pk: site for site in every_site()}
    provinces = dict(AgencySettings.objects.exclude(province="").values_list("site_id", "province"))
    rows = []
    for site in sorted(sites.values(), key=lambda site: (site.site_name, site.hostname)):
        if site.is_default_site:
            continue
        catalogue = catalogues.get(site.pk)
        # A site created after its province's values were filed shows them.
        implementation = local.get(site.pk) or local.get(provinces.get(site.pk))
        if catalogue is None:
            continue
        if implementation is None and not set(catalogue.implemented_levels) & set(page.levels):
            continue
        summary = published_summary(page, implementation)
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
