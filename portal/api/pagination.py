"""Stable page-number pagination shared by the typed endpoints.

    @router.get("/", response=Paginated[ProcedureOut])
    def procedures(request, pages: Query[PageParams], ...):
        return paginate(queryset.order_by("code", "pk"), pages)

The queryset must have a total order (end with a unique field) so pages never overlap.
`page_size` above MAX_PAGE_SIZE is a 400; a page past the last one is a 404.
"""

from typing import Generic, TypeVar

from ninja import Field, Schema
from ninja.errors import HttpError

from django.core.paginator import Paginator

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

Item = TypeVar("Item")


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"At most {MAX_PAGE_SIZE}."
    )


class Paginated(Schema, Generic[Item]):
    total: int
    page: int
    page_size: int
    results: list[Item]


def paginate(queryset, params: PageParams):
    paginator = Paginator(queryset, params.page_size)
    if params.page > paginator.num_pages:
        raise HttpError(404, f"page {params.page} is beyond the last page ({paginator.num_pages})")
    page = paginator.page(params.page)
    return {
        "total": paginator.count,
        "page": params.page,
        "page_size": params.page_size,
        "results": list(page.object_list),
    }
