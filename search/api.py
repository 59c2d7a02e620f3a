"""GET /api/search/ and /api/search/suggest/ exactly as DESIGN §4 specifies.

The views parse their own parameters (search.params, shared with the search page) and answer
with JsonResponse, whose bytes Ninja passes through; the schemas and parameter list below only
describe those answers in the served OpenAPI document.
"""

import datetime
import logging
from typing import Literal

from ninja import Field, Router, Schema

from django.http import JsonResponse
from django.utils.http import http_date

from portal.api.errors import ErrorOut
from portal.api.throttling import SuggestRateThrottle

from . import analytics, freshness
from .documents import KINDS
from .engines import EngineUnavailable, get_engine
from .params import (
    MAX_FILTER_VALUES,
    MAX_PAGE,
    BadParameter,
    is_blank,
    parse_search_params,
    parse_suggest_params,
)
from .promotions import promote
from .requests import (
    FACETS,
    LANGUAGE_LABELS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    SORTS,
    SearchResult,
)
from .sites import request_scope

logger = logging.getLogger(__name__)

PREFIX = "search/"
router = Router(tags=["search"])
UNAVAILABLE = "Search is temporarily unavailable. Please try again in a few minutes."

Kind = Literal[KINDS]


class HitOut(Schema):
    kind: Kind
    id: str = Field(description="Natural key: procedure code, document number or news slug.")
    title: str
    url: str
    snippet: str = Field(description="HTML: the matched words within <mark></mark>.")
    article: str | None = Field(description="The article (Điều) number of a hit inside a document.")
    date: datetime.date | None
    recommended: bool = Field(description="Pinned to this query by the editors.")


class FacetCountOut(Schema):
    value: str = Field(description="The value to filter by: `?<facet name>=<value>`.")
    label: str
    count: int = Field(description="Hits with this value, counted as if this facet were unset.")


class SearchOut(Schema):
    query: str
    total: int
    page: int
    page_size: int
    took_ms: float
    results: list[HitOut]
    facets: dict[Literal[tuple(FACETS)], list[FacetCountOut]]
    suggestion: str | None = Field(description="A corrected query when little matched.")


class SuggestionOut(Schema):
    kind: Kind
    id: str
    title: str
    url: str


class SuggestOut(Schema):
    suggestions: list[SuggestionOut]


class MessageOut(Schema):
    """A bad parameter or an unreachable engine, said so that a person can act on it."""

    message: str


# The rate limit is Ninja's throttle, which answers like every other endpoint of the API.
ERRORS = {400: MessageOut, 429: ErrorOut, 503: MessageOut}


def _parameter(name, schema, description):
    return {
        "in": "query",
        "name": name,
        "required": False,
        "schema": schema,
        "description": description,
    }


def _values(items):
    """A filter taking several values, repeated (`?field=a&field=b`) or comma-separated."""
    return {"type": "array", "items": items, "maxItems": MAX_FILTER_VALUES}


QUERY = _parameter(
    "q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "The words, with or without marks."
)
SEARCH_PARAMETERS = [
    QUERY,
    _parameter(
        "kind", _values({"type": "string", "enum": list(KINDS)}), "Kinds of content to search."
    ),
    _parameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        "Page, from 1.",
    ),
    _parameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 10},
        "Hits per page.",
    ),
    _parameter(
        "sort",
        {"type": "string", "enum": list(SORTS), "default": SORTS[0]},
        "Best matches first, or newest first.",
    ),
    *(
        _parameter(
            name,
            _values({"type": "string"}),
            f"{heading}: the `value`s of `facets.{name}` to keep, one matching enough.",
        )
        for name, heading in FACETS.items()
        if name != "kind"
    ),
    _parameter("date_from", {"type": "string", "format": "date"}, "Dated on or after."),
    _parameter("date_to", {"type": "string", "format": "date"}, "Dated on or before."),
]
SUGGEST_PARAMETERS = [
    _parameter("q", QUERY["schema"], "The beginning of a title, with or without marks."),
    _parameter(
        "language",
        {"type": "string", "examples": list(LANGUAGE_LABELS)},
        "Only titles in this language.",
    ),
]


def error(status, message):
    return JsonResponse({"message": message}, status=status)


def result_json(request, result):
    return {
        "query": request.text,
        "total": result.total,
        "page": request.page,
        "page_size": request.page_size,
        "took_ms": result.took_ms,
        "results": [
            {
                "kind": hit.kind,
                "id": hit.id,
                "title": hit.title,
                "url": hit.url,
                "snippet": hit.snippet,
                "article": hit.article,
                "date": hit.date.isoformat() if hit.date else None,
                "recommended": hit.recommended,
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": c.value, "label": c.label, "count": c.count} for c in counts]
            for name, counts in result.facets.items()
        },
        "suggestion": result.suggestion,
    }


def run_search(params, sites=()):
    """(status, body) for GET parameters: the one code path of the API and the search page.
    `sites` is the scope of the agency's site asked (search.sites.request_scope)."""
    try:
        request = parse_search_params(params)
    except BadParameter as problem:
        return 400, {"message": str(problem)}, None
    request.sites = list(sites)
    if is_blank(params):
        return 200, result_json(request, SearchResult(total=0, hits=[], facets={})), None
    try:
        result = promote(request, get_engine().search(request))
    except EngineUnavailable:
        logger.exception("search engine unavailable")
        return 503, {"message": UNAVAILABLE}, None
    return 200, result_json(request, result), result


@router.get(
    "/",
    summary="Search procedures, legal documents and news",
    response={200: SearchOut, **ERRORS},
    openapi_extra={"parameters": SEARCH_PARAMETERS},
)
def search(request):
    status, body, result = run_search(request.GET, request_scope(request))
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    if status == 200:
        if result is not None:  # a search was made (a blank query is none)
            analytics.record(body, analytics.SOURCE_API)
        # Validated by the index, which may catch up with the content log later.
        changed = freshness.last_modified()
        if changed is not None:
            response["Last-Modified"] = http_date(changed.timestamp())
    return response


@router.get(
    "/suggest/",
    summary="Autocomplete titles for a prefix",
    response={200: SuggestOut, **ERRORS},
    openapi_extra={"parameters": SUGGEST_PARAMETERS},
    throttle=SuggestRateThrottle(),
)
def suggest(request):
    try:
        text, language = parse_suggest_params(request.GET)
        suggestions = get_engine().suggest(text, language=language, sites=request_scope(request))
    except BadParameter as problem:
        return error(400, str(problem))
    except EngineUnavailable:
        logger.exception("search engine unavailable")
        return error(503, UNAVAILABLE)
    return JsonResponse(
        {
            "suggestions": [
                {"kind": s.kind, "id": s.id, "title": s.title, "url": s.url} for s in suggestions
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )
