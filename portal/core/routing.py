"""Wagtail's page routing and view restrictions, with the queries every page repeats taken out.

Wagtail walks a URL one slug at a time: a query per level and one more for each page's specific
type, then two more for the view restrictions of the page and its ancestors. Here the first level
of the walk fetches every page on the rest of the path in one query (by slug under the page),
and the walk goes on through each page type's own `route` as before (sub-routes of routable
pages, a catalogue serving national procedures), so 404s, drafts and sub-routes behave as
Wagtail's; the deepest page found is loaded with all its fields in one more query, the pages
above it (sections, indexes) are remembered until content changes. Which pages carry a view
restriction is remembered too (a restriction's change is a content event), so a public page
asks nothing more.
"""

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Count, Q
from django.http import Http404

from wagtail.models import Locale, Page, PageViewRestriction

from . import content_cache, visibility

STEP = Page.steplen


def page_record(page):
    """A specific page's field values as plain data, for `page_from`."""
    return {
        "model": page._meta.label,
        "values": [getattr(page, field.attname) for field in page._meta.concrete_fields],
        "language": languages()[page.locale_id],
    }


def languages():
    """{locale id: language code}."""
    return content_cache.remembered(
        ("languages",), lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def page_from(record):
    """A page of its own type, every field (and its locale) loaded, from a `page_record`."""
    model = apps.get_model(record["model"])
    names = [field.attname for field in model._meta.concrete_fields]
    page = model.from_db(DEFAULT_DB_ALIAS, names, record["values"])
    page.locale = Locale.from_db(
        DEFAULT_DB_ALIAS, ["id", "language_code"], [page.locale_id, record["language"]]
    )
    return page


def _shared(page):
    """A page other pages sit under (a section, an index), as remembered until content changes:
    their routing passes through it and they often ask for their parent."""
    return page_from(
        content_cache.remembered(("page", page.pk), lambda: page_record(page.specific))
    )


def _pages_on_path(parent, path_components):
    """{(parent path, slug): page or None} for each level of the path under `parent` as far as
    the path exists, then None: each page of its own type, every field loaded (those above the
    last remembered, the last, the page most likely served, in one more query), knowing its
    parent."""
    depth = parent.depth
    candidates = Page.objects.filter(
        Q(path__startswith=parent.path),
        depth__gt=depth,
        depth__lte=depth + len(path_components),
        slug__in=set(path_components),
    )
    by_place = {(page.path[:-STEP], page.slug): page for page in candidates}
    places = []
    above_path = parent.path
    for slug in path_components:
        places.append((above_path, slug))
        page = by_place.get(places[-1])
        if page is None:
            break
        above_path = page.path
    chain = [by_place.get(place) for place in places]
    found = {}
    above = parent
    for index, (place, page) in enumerate(zip(places, chain, strict=True)):
        if page is not None:
            if index + 1 < len(chain) and chain[index + 1] is not None:
                page = _shared(page)
            else:
                page = page.specific_class._default_manager.select_related("locale").get(pk=page.pk)
            page._cached_parent_obj = above
            above = page
        found[place] = page
    return found


def child_on_path(request, parent, path_components):
    """The child of `parent` named by the first path component, of its own type; Http404 when
    there is none, as in `Page.route`."""
    known = request.__dict__.setdefault("_portal_pages_on_path", {})
    place = (parent.path, path_components[0])
    if place not in known:
        known.update(_pages_on_path(parent, path_components))
    page = known[place]
    if page is None:
        raise Http404
    return page


def translated_keys():
    """Translation keys of content that exists in more than one language: most pages have no
    translation, and need no query to say so."""

    def compute():
        # order_by(): Page's default ordering by path would split the groups.
        live = visibility.visible().order_by()
        counts = live.values("translation_key").annotate(n=Count("pk"))
        return frozenset(counts.filter(n__gt=1).values_list("translation_key", flat=True))

    return content_cache.remembered(("translated_keys",), compute)


def _restricted():
    """({path: page id} of the pages with a view restriction, {alias path: its source's path}
    for aliases of those pages)."""

    def compute():
        restricted = dict(PageViewRestriction.objects.values_list("page__path", "page_id"))
        aliases = dict(
            Page.objects.filter(alias_of__in=list(restricted.values())).values_list(
                "path", "alias_of__path"
            )
        )
        return restricted, aliases

    return content_cache.remembered(("view_restrictions",), compute)


def paths_to(path):
    return [path[:end] for end in range(STEP, len(path) + 1, STEP)]


def view_restrictions(page):
    """`Page.get_view_restrictions()`: those of the page and its ancestors (an alias's from its
    source), without a query for a page outside every restricted section."""
    restricted, aliases = _restricted()
    ids = set()
    for path in paths_to(page.path):
        source = aliases.get(path, path)
        if source in restricted:
            ids.add(restricted[source])
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page_id__in=ids)


def restricted_paths():
    """Paths of the pages with a view restriction: the public sees nothing at or below them."""
    return list(_restricted()[0])
