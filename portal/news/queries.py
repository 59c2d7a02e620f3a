"""Every query the news pages, feeds and the home page make. Templates never query."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Q,
    Value,
    When,
    prefetch_related_objects,
)

from wagtail.models import Locale

from portal.core.visibility import visible

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _locale(locale):
    if locale is None or isinstance(locale, (Locale, int)):
        return locale
    return Locale.objects.filter(language_code=locale).first()


def with_images(items):
    """News `items` with their featured images' renditions loaded in one query for all."""
    return items.prefetch_related("featured_image__renditions")


def load_renditions(images):
    """The renditions of all these images (None allowed) in one query, for the page's every
    `{% image %}` and `{% picture %}`."""
    prefetch_related_objects([image for image in images if image is not None], "renditions")


def live_news(locale=None, site=None):
    """Live, public news items, newest first; only those of `locale` (a Locale, its id or
    language code) and of `site` (an agency's Site, portal.core.sites) if given."""
    from .models import NewsPage

    items = visible(NewsPage.objects.all(), site).select_related("featured_image", "locale")
    if locale is not None:
        items = items.filter(locale=_locale(locale))
    return items.order_by("-publish_date", "-pk")


def featured_news(locale=None, limit=5, site=None):
    """Featured items for the home page of this language (a Locale or a language code)."""
    return list(live_news(locale, site).filter(featured=True)[:limit])


# Places the home page keeps for featured items; the others show the latest news.
FEATURED_SLOTS = 2


def home_news(locale=None, limit=5, site=None):
    """The home page's news: the newest featured items first (at most FEATURED_SLOTS), then the
    latest items, so that a newly published item is there whatever is featured."""
    featured = featured_news(locale, min(limit, FEATURED_SLOTS), site)
    latest = live_news(locale, site).exclude(pk__in=[item.pk for item in featured])
    return featured + list(latest[: limit - len(featured)])


def sections(locale=None, site=None):
    """Live news sections of this language (and site), in tree order."""
    from .models import NewsIndexPage

    found = visible(NewsIndexPage.objects.all(), site)
    if locale is not None:
        found = found.filter(locale=_locale(locale))
    return list(found.order_by("path"))


@dataclass
class NewsFilters:
    """The listing filters a visitor chose; invalid values are ignored, never an error."""

    section: str = ""
    tag: str = ""
    month: str = ""

    def querystring(self):
        chosen = {key: value for key, value in vars(self).items() if value}
        return urlencode(chosen)

    @property
    def active(self):
        return any(vars(self).values())


def filter_news(items, params, site=None):
    """`items` narrowed by the `section`, `tag` and `month` (YYYY-MM) query parameters; a
    section is one of `site`'s."""
    filters = NewsFilters()
    section_slug = params.get("section", "").strip()
    if section_slug:
        section = next((s for s in sections(site=site) if s.slug == section_slug), None)
        if section is not None:
            items = items.descendant_of(section)
            filters.section = section_slug
    tag = params.get("tag", "").strip()
    if tag:
        items = items.filter(tags__slug=tag)
        filters.tag = tag
    month = _MONTH.match(params.get("month", "").strip())
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        items = items.filter(publish_date__year=year, publish_date__month=number)
        filters.month = month.group(0)
    return items, filters


def tag_choices(items, limit=30):
    """The tags used by these items, most used first: [(slug, name)]."""
    from .models import NewsTag

    tags = (
        NewsTag.objects.filter(tagged_news__content_object__in=items)
        .annotate(uses=Count("tagged_news"))
        .order_by("-uses", "name")[:limit]
    )
    return [(tag.slug, tag.name) for tag in tags]


def month_choices(items):
    """The months that have items, newest first: [("2025-05", "05/2025")]."""
    months = items.order_by().datetimes("publish_date", "month", order="DESC")
    return [(f"{month:%Y-%m}", f"{month:%m/%Y}") for month in months]


def related_news(page, limit=4, site=None, tag_ids=None):
    """The items an editor chose, else those sharing the most tags, then the same section.
    `tag_ids`: the page's tags when the caller has them already."""
    from .models import NewsPage

    chosen_ids = [item.related_page_id for item in page.related_items.all()]
    if chosen_ids:
        found = visible(NewsPage.objects.filter(pk__in=chosen_ids), site)
        by_id = {item.pk: item for item in found.select_related("featured_image", "locale")}
        chosen = [by_id[pk] for pk in dict.fromkeys(chosen_ids) if pk in by_id]
        if chosen:
            return chosen[:limit]
    if tag_ids is None:
        tag_ids = list(page.tags.values_list("pk", flat=True))
    section_path = page.path[: -page.steplen]
    candidates = (
        live_news(page.locale_id, site)
        .exclude(pk=page.pk)
        .annotate(
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)),
            same_section=Case(
                When(path__startswith=section_path, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(shared_tags__gt=0) | Q(same_section=1))
        .order_by("-shared_tags", "-same_section", "-publish_date")
    )
    return list(candidates[:limit])
