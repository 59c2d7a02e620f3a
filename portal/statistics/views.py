"""The public dashboard "Thống kê giải quyết thủ tục hành chính" (`/thong-ke/`, English
`/en/thong-ke/`): filters in the URL, so it works without JavaScript and every view has a link;
`?format=csv` and `?format=json` download the very tables the page shows."""

import io

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.core.csv_cells import SafeWriter
from portal.core.provinces import site_province
from portal.core.sites import request_site

from .dashboard import LICENCE, build_dashboard, filter_choices, period_choices
from .query import BadFilter

FORMATS = ("html", "csv", "json")


def dashboard(request):
    output = request.GET.get("format", "html")
    within = site_province(request_site(request))  # a provincial site: its own figures
    try:
        if output not in FORMATS:
            raise BadFilter("format", _("phải là một trong: %s") % ", ".join(FORMATS))
        data = build_dashboard(request.GET, within=within)
    except BadFilter as error:
        choices = filter_choices(within)
        context = {"error": error, "choices": choices, "periods": period_choices("")}
        return render(request, "statistics/bad_filter.html", context, status=400)
    if output == "csv":
        return _csv(data)
    if output == "json":
        return _json(data)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        **data,
        "choices": filter_choices(within),
        "periods": period_choices(data["period"]),
        "licence": LICENCE,
        "query": query.urlencode(),
    }
    return render(request, "statistics/dashboard.html", context)


def _download_name(data, extension):
    return f'attachment; filename="thong-ke-{data["start"]:%Y-%m}-{data["end"]:%Y-%m}.{extension}"'


def _csv(data):
    """Every table of the page, one after the other: its caption, its heading row, its rows;
    the licence on the first line."""
    buffer = io.StringIO()
    writer = SafeWriter(buffer)
    writer.writerow([LICENCE])
    for table in data["tables"]:
        writer.writerow([])
        writer.writerow([table.caption])
        writer.writerow([heading for heading, _kind in table.columns])
        for row in table.rows:
            writer.writerow(["" if value is None else value for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _download_name(data, "csv")
    return response


def _json(data):
    body = {
        "title": _("Thống kê giải quyết thủ tục hành chính"),
        "licence": LICENCE,
        "filters": data["question"].filters(),
        "tables": [table.as_data() for table in data["tables"]],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = _download_name(data, "json")
    return response
