"""GET /api/search/ and /api/search/suggest/ exactly as DESIGN §4 specifies."""

import logging

from ninja import Router

from django.http import JsonResponse

from .engines import EngineUnavailable, get_engine
from .params import BadParameter, parse_search_params, parse_suggest_params

logger = logging.getLogger(__name__)

PREFIX = "search/"
router = Router(tags=["search"])
UNAVAILABLE = "Search is temporarily unavailable. Please try again in a few minutes."


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
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": c.value, "label": c.label, "count": c.count} for c in counts]
            for name, counts in result.facets.items()
        },
        "suggestion": result.suggestion,
    }


def run_search(params):
    """(status, body) for GET parameters: the one code path of the API and the search page."""
    try:
        request = parse_search_params(params)
    except BadParameter as problem:
        return 400, {"message": str(problem)}, None
    try:
        result = get_engine().search(request)
    except EngineUnavailable:
        logger.exception("search engine unavailable")
        return 503, {"message": UNAVAILABLE}, None
    return 200, result_json(request, result), result


@router.get("/", summary="Search procedures, legal documents and news")
def search(request):
    status, body, _ = run_search(request.GET)
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@router.get("/suggest/", summary="Autocomplete titles for a prefix")
def suggest(request):
    try:
        text, language = parse_suggest_params(request.GET)
        suggestions = get_engine().suggest(text, language=language)
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
