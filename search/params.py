"""HTTP query parameters -> SearchRequest, shared by the API and the search page."""

import datetime

from .documents import KINDS
from .requests import FACETS, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS, SearchRequest

MAX_PAGE = 1000
MAX_FILTER_VALUES = 50


class BadParameter(ValueError):
    """A parameter a person can correct; the message says how."""


def _integer(params, name, default, low, high):
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number") from None
    if not low <= value <= high:
        raise BadParameter(f"'{name}' must be between {low} and {high}")
    return value


def _date(params, name):
    raw = params.get(name, "")
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a date like 2024-12-31") from None


def _values(params, name):
    """A multi-valued parameter: repeated (`field=a&field=b`) or comma-separated."""
    values = []
    for raw in params.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    if len(values) > MAX_FILTER_VALUES:
        raise BadParameter(f"too many values for '{name}' (at most {MAX_FILTER_VALUES})")
    return values


def is_blank(params):
    """No words (a query of spaces is none) and no filter: an empty search, never every item.
    The search page then shows its empty form and the API answers no results."""
    return not any(params.get(name, "").strip() for name in ("q", *FACETS))


def parse_search_params(params) -> SearchRequest:
    """Validate GET parameters (a QueryDict); raise BadParameter with a clear message."""
    text = params.get("q", "")
    if len(text) > MAX_QUERY_LENGTH:
        raise BadParameter(f"'q' is too long (at most {MAX_QUERY_LENGTH} characters)")
    kinds = [k for k in _values(params, "kind")]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise BadParameter(f"'kind' must be one of {', '.join(KINDS)}")
    sort = params.get("sort", "") or "relevance"
    if sort not in SORTS:
        raise BadParameter(f"'sort' must be one of {', '.join(SORTS)}")
    request = SearchRequest(
        text=text,
        kinds=kinds,
        filters={name: _values(params, name) for name in FACETS if name != "kind"},
        date_from=_date(params, "date_from"),
        date_to=_date(params, "date_to"),
        sort=sort,
        page=_integer(params, "page", 1, 1, MAX_PAGE),
        page_size=_integer(params, "page_size", 10, 1, MAX_PAGE_SIZE),
    )
    request.filters = {name: values for name, values in request.filters.items() if values}
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise BadParameter("'date_from' must not be after 'date_to'")
    return request


def parse_suggest_params(params):
    text = params.get("q", "")
    if len(text) > MAX_QUERY_LENGTH:
        raise BadParameter(f"'q' is too long (at most {MAX_QUERY_LENGTH} characters)")
    language = params.get("language", "") or None
    return text, language
