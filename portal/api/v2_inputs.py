"""Wagtail API v2 parameters made safe for any input: `offset` of any size and `search` with any
characters answer 200 or 400, never a 500.

Wagtail slices the queryset with the raw offset (a 64-bit overflow on both databases) and hands
the search text to the database's full-text syntax, where a stray `"` is an error on SQLite.
"""

from django.conf import settings

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError


class SafePagination(WagtailPagination):
    """Wagtail's offset/limit pagination; an offset at or past the end gives an empty page,
    however large it is."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = _natural(request, "offset", 0)
        limit = _natural(request, "limit", min(20, limit_max))
        if limit > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        self.view = view
        self.total_count = queryset.count()
        offset = min(offset, self.total_count)
        return queryset[offset : offset + limit]


def _natural(request, name, default):
    try:
        value = int(request.GET.get(name, default))
    except ValueError:
        value = -1
    if value < 0:
        raise BadRequestError(f"{name} must be a positive integer")
    return value


class PlainSearchFilter(SearchFilter):
    """Search words only: double quotes (phrase syntax the SQLite backend cannot parse when
    unbalanced) are read as spaces."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            words = request.GET["search"].replace('"', " ")
            if not words.strip():
                raise BadRequestError("search needs at least one word")
            query = request._request.GET.copy()
            query["search"] = words
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def with_safe_inputs(viewset):
    """A subclass of a Wagtail API viewset with the safe pagination and search filter."""
    backends = [
        PlainSearchFilter if backend is SearchFilter else backend
        for backend in viewset.filter_backends
    ]
    return type(
        viewset.__name__,
        (viewset,),
        {"pagination_class": SafePagination, "filter_backends": backends, "__module__": __name__},
    )
