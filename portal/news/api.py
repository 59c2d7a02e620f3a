"""Typed read API for news: `/api/news/` (filters named like the search facets: section, tag,
language) and `/api/news/<slug>/`."""

import datetime
from typing import Any, Literal

from ninja import Field, Query, Router, Schema

from django.db.models import Q
from django.http import Http404

from wagtail.images.api.fields import ImageRenditionField

from portal.api.errors import BadParameter, ErrorOut, require_slug
from portal.api.pagination import PageParams, Paginated, paginate
from portal.core.sites import request_site
from portal.core.visibility import visible

from .models import NewsIndexPage, NewsPage, NewsTag

PREFIX = "news/"
router = Router(tags=["news"])

ORDERINGS = {
    "-published": ("-publish_date", "-pk"),
    "published": ("publish_date", "pk"),
    "title": ("title", "pk"),
}


class TermOut(Schema):
    slug: str
    name: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class NewsItemOut(Schema):
    slug: str = Field(description="The natural key.")
    title: str
    lead: str
    section: TermOut
    tags: list[TermOut]
    published: datetime.datetime
    language: str
    featured: bool
    author: str
    source: str
    image: ImageOut | None
    url: str
    updated: datetime.datetime | None


class NewsDetailOut(NewsItemOut):
    image_caption: str
    body_html: str = Field(description="The body rendered to HTML.")
    body: list[dict[str, Any]] = Field(description="The body as StreamField JSON.")


class NewsFilters(Schema):
    section: str | None = Field(None, description="Slug of a news section.")
    tag: str | None = Field(None, description="Slug of a tag.")
    language: Literal["vi", "en"] | None = None
    featured: bool | None = None
    order: Literal["-published", "published", "title"] = "-published"


def news(request):
    """The visible news items of the site the request came to (portal.core.sites)."""
    items = visible(NewsPage.objects.all(), request_site(request))
    return items.select_related("locale", "featured_image")


def filtered(filters: NewsFilters, request):
    queryset = news(request)
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    if filters.section:
        sections = visible(
            NewsIndexPage.objects.filter(slug=filters.section), request_site(request)
        )
        if filters.language:
            sections = sections.filter(locale__language_code=filters.language)
        if not sections.exists():
            raise BadParameter("section", f"no news section with slug {filters.section!r}")
        within = Q()
        for section in sections:
            within |= Q(path__startswith=section.path, depth=section.depth + 1)
        queryset = queryset.filter(within)
    if filters.tag:
        require_slug(NewsTag, "tag", filters.tag, "tag")
        queryset = queryset.filter(tags__slug=filters.tag)
    if filters.featured is not None:
        queryset = queryset.filter(featured=filters.featured)
    return queryset.distinct().order_by(*ORDERINGS[filters.order])


def image(page):
    if page.featured_image is None:
        return None
    rendition = ImageRenditionField("fill-800x450").to_representation(page.featured_image)
    if "error" in rendition:
        return None
    return {
        "url": rendition["url"],
        "width": rendition["width"],
        "height": rendition["height"],
        "alt": page.featured_image_alt,
    }


def item(page, request):
    section = page.get_parent()
    return {
        "slug": page.slug,
        "title": page.title,
        "lead": page.lead,
        "section": {"slug": section.slug, "name": section.title},
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in page.tags.all()],
        "published": page.publish_date,
        "language": page.locale.language_code,
        "featured": page.featured,
        "author": page.author,
        "source": page.source,
        "image": image(page),
        "url": page.get_full_url(request),
        "updated": page.last_published_at,
    }


@router.get(
    "/", response={200: Paginated[NewsItemOut], 404: ErrorOut}, summary="News items, filtered"
)
def news_items(request, filters: Query[NewsFilters], pages: Query[PageParams]):
    page = paginate(filtered(filters, request).prefetch_related("tags"), pages)
    page["results"] = [item(news_page, request) for news_page in page["results"]]
    return page


@router.get(
    "/{slug}/", response={200: NewsDetailOut, 404: ErrorOut}, summary="One news item by slug"
)
def news_item(request, slug: str, language: Literal["vi", "en"] | None = None):
    found = news(request).filter(slug=slug)
    if language:
        found = found.filter(locale__language_code=language)
    page = found.order_by("pk").first()
    if page is None:
        raise Http404(f"no published news item with slug {slug!r}")
    return details(page, request)


def details(page, request):
    return {
        **item(page, request),
        "image_caption": page.featured_image_caption,
        "body_html": str(page.body),
        "body": list(page.body.get_prep_value()),
    }
