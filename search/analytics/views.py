"""The search analytics dashboard in the Wagtail admin, its CSV export, and the one-step fixes
for a query that found nothing: make it a synonym, or pin a page to it."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Page

from ..models import SearchSynonym
from ..promotions import PromotedResult
from .figures import figures, period, write_csv

MAX_DAYS = 366


class PeriodForm(forms.Form):
    start = forms.DateField(label="Từ ngày", required=False)
    end = forms.DateField(label="Đến ngày", required=False)

    def period(self):
        start, end = period(7)
        if self.is_valid():
            end = self.cleaned_data["end"] or end
            start = self.cleaned_data["start"] or end - datetime.timedelta(days=6)
        if start > end or (end - start).days >= MAX_DAYS:
            start = end - datetime.timedelta(days=6)
        return start, end


@permission_required("search.view_querylog", raise_exception=True)
def dashboard(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    result = figures(start, end)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tim-kiem-{start}-{end}.csv"'
        write_csv(result, response)
        return response
    peak = max((n for _day, n in result.per_day), default=0)
    context = {
        "form": form,
        "figures": result,
        "peak": peak,
        "query_string": request.GET.urlencode(),
    }
    return render(request, "search/admin/analytics.html", context)


def _page_from(value):
    """A page by id or by its public path (/thu-tuc/1.004194/)."""
    value = (value or "").strip()
    if value.isdigit():
        return Page.objects.filter(pk=int(value)).first()
    path_ = "/" + value.split("://", 1)[-1].split("/", 1)[-1].strip("/") + "/"
    return next((p for p in Page.objects.filter(url_path__endswith=path_)[:1]), None)


@permission_required("search.add_searchsynonym", raise_exception=True)
def make_synonym(request):
    query, expansions = request.POST.get("query", "").strip(), request.POST.get("expansions", "")
    if request.method != "POST" or not query or not expansions.strip():
        messages.error(request, "Cần từ khóa và ít nhất một từ đồng nghĩa.")
    elif SearchSynonym.objects.filter(term__iexact=query).exists():
        messages.error(request, f"“{query}” đã có trong danh sách từ đồng nghĩa.")
    else:
        SearchSynonym.objects.create(term=query[:100], expansions=expansions.strip())
        messages.success(request, f"Đã thêm “{query}” vào danh sách từ đồng nghĩa.")
    return _back(request)


@permission_required("search.add_promotedresult", raise_exception=True)
def make_promotion(request):
    query = request.POST.get("query", "").strip()
    page = _page_from(request.POST.get("page")) if request.method == "POST" else None
    if not query or page is None:
        messages.error(request, "Cần từ khóa và một trang có thật (mã trang hoặc đường dẫn).")
    else:
        PromotedResult.objects.get_or_create(query=query, page=page)
        messages.success(request, f"Đã ghim “{page.title}” cho “{query}”.")
    return _back(request)


def _back(request):
    """To the dashboard the editor came from (its period), never elsewhere."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return redirect(target if target and allowed else reverse("search_analytics"))


def admin_urls():
    return [
        path("search-analytics/", dashboard, name="search_analytics"),
        path("search-analytics/synonym/", make_synonym, name="search_analytics_synonym"),
        path("search-analytics/promote/", make_promotion, name="search_analytics_promote"),
    ]
