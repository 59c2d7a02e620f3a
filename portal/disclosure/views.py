"""`/tiep-can-thong-tin/`: the section on access to information every site must have (Law
104/2016/QH13 Art. 19(1)(g), 34(1)(b)): the list of information that must be disclosed, where
each item is published on this site and when it last changed, and the contact point for
requests for information."""

from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.core.csv_cells import SafeWriter
from portal.core.models import AgencySettings
from portal.core.sites import request_site

from .compliance import agency_rows, column_titles
from .sources import disclosure_list


def section(request):
    site = request_site(request)
    items = disclosure_list(request)
    return TemplateResponse(
        request,
        "disclosure/section.html",
        {
            "title": _("Tiếp cận thông tin"),
            "items": items,
            "missing": sum(1 for item in items if not item["url"]),
            "contact": AgencySettings.for_site(site) if site else None,
        },
    )


def compliance(request):
    """The ministry's view across every agency's site: how complete each one's disclosure is,
    sortable by any column, in HTML, CSV and JSON."""
    site = request_site(request)
    if site is None or not site.is_default_site:
        raise Http404
    sort = request.GET.get("sort", "completeness")
    descending = request.GET.get("order") == "desc"
    rows = agency_rows(request, sort, descending)
    form = request.GET.get("format")
    if form == "json":
        return JsonResponse(
            {"agencies": rows}, json_dumps_params={"ensure_ascii": False, "default": str}
        )
    if form == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="tiep-can-thong-tin.csv"'
        writer = SafeWriter(response)
        titles = column_titles()
        writer.writerow([*map(str, titles.values()), _("Các mục chưa công bố")])
        for row in rows:
            cells = {**row, "updated": row["updated"].date().isoformat() if row["updated"] else ""}
            writer.writerow([*(cells[key] for key in titles), "; ".join(row["missing_items"])])
        return response
    columns = [
        {
            "key": key,
            "title": title,
            "order": "asc" if key == sort and descending or key != sort else "desc",
            "sorted": ("descending" if descending else "ascending") if key == sort else "",
        }
        for key, title in column_titles().items()
    ]
    return TemplateResponse(
        request,
        "disclosure/compliance.html",
        {"title": _("Đánh giá công khai thông tin"), "rows": rows, "columns": columns},
    )


def admin_compliance(request):
    """The same table in the Wagtail admin (Reports), for the ministry's editors."""
    return TemplateResponse(
        request,
        "disclosure/admin/compliance.html",
        {"rows": agency_rows(request), "columns": column_titles()},
    )
