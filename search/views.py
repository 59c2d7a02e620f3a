"""The public search page: a client of the same code path as /api/search/."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from portal.api.throttling import SearchRateThrottle
from portal.core import content_cache
from portal.core.home import home_sections
from portal.core.sites import request_site

from . import analytics, presentation
from .api import run_search
from .params import is_blank
from .requests import FACETS
from .sites import request_scope

PAGE_WINDOW = 5


def search_page(request):
    has_query = not is_blank(request.GET)
    throttle = SearchRateThrottle()
    if has_query and not throttle.allow_request(request):
        return _too_many(request, throttle.wait())
    scope = request_scope(request)
    status, body, result = run_search(request.GET, scope) if has_query else (200, None, None)
    selected = {name: request.GET.getlist(name) for name in FACETS}
    context = {
        "query": request.GET.get("q", ""),
        "status": status,
        "body": body,
        "message": _message(status, body),
        "facet_groups": [],
        "pages": [],
    }
    if result is not None:
        language = request.LANGUAGE_CODE
        groups = presentation.facet_groups(result.facets, FACETS, selected, language)
        context["facet_groups"] = groups
        context["chips"] = presentation.chips(request.GET, groups)
        context["cards"] = presentation.cards(result.hits, language)
        log_id = analytics.record(body, analytics.SOURCE_PAGE)
        if log_id:
            for position, card in enumerate(context["cards"], start=1):
                card["link"] = analytics.click_url(log_id, position, card["url"])
        context["follow_url"] = _follow_url(request)
        context["missing_number"] = presentation.missing_number(context["query"], result.hits)
        context["pages"] = _pages(request, body["page"], body["page_size"], body["total"])
        if not result.total:
            context["catalogues"] = _catalogues(request)
    return render(request, "search/search_page.html", context, status=status)


def _follow_url(request):
    """The alerts form for this search ("theo dõi tìm kiếm này"), when alerts are installed."""
    try:
        return (
            reverse("alerts:subscribe")
            + "?"
            + urlencode({"kind": "search", "url": request.get_full_path()})
        )
    except NoReverseMatch:
        return None


def _too_many(request, wait):
    """The API's rate limit, shared with the page: 429 with Retry-After and a message."""
    seconds = max(1, int(wait or 1))
    context = {
        "query": request.GET.get("q", ""),
        "status": 429,
        "body": None,
        "message": gettext(
            "Bạn tìm kiếm quá nhiều trong một phút. Vui lòng thử lại sau %(seconds)s giây."
        )
        % {"seconds": seconds},
        "facet_groups": [],
        "pages": [],
    }
    response = render(request, "search/search_page.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _catalogues(request):
    """The listing pages a search that found nothing points to, in the page's language."""
    from wagtail.models import Locale

    def compute():
        locale = Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()
        if locale is None:
            return {}
        # The content apps name their listing pages among their home sections (`*_url`), and
        # their first item's code or number is an example that exists in the data.
        sections = home_sections(locale, size=1)
        found = {name: url for name, url in sections.items() if name.endswith("_url")}
        for name, example in (("popular_procedures", "code"), ("latest_legal", "number")):
            items = sections.get(name) or []
            found[f"{example}_example"] = items[0]["meta"] if items else ""
        return found

    site = request_site(request)
    key = ("search_catalogues", site.pk if site else None, request.LANGUAGE_CODE)
    return content_cache.remembered(key, compute)


def _message(status, body):
    if status == 503:
        return gettext("Tìm kiếm tạm thời không hoạt động. Vui lòng thử lại sau ít phút.")
    return body.get("message") if body and status != 200 else None


def _pages(request, page, page_size, total):
    last = min(1000, max(1, -(-total // page_size)))
    pages = []
    for number in range(max(1, page - PAGE_WINDOW), min(last, page + PAGE_WINDOW) + 1):
        params = request.GET.copy()
        params["page"] = number
        pages.append({"number": number, "url": "?" + params.urlencode(), "current": number == page})
    return pages
