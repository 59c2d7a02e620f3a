"""Where a document number is unique and which document a number means on a site.

Central documents (laws, decrees, circulars, the ministry's decisions) are one library under the
national site; a provincial People's Committee's decisions live under that province's site, so
"15/2025/QĐ-UBND" exists once per site. A number is unique under one home page (a site's
Vietnamese home, or its English one), and a number read on a site means that site's own document
when it has one, else the central document.

The national site's home paths and the view restrictions are read on every legal page, so they
are remembered until public content changes (portal/core/content_cache.py).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from portal.core.content_cache import remembered
from portal.core.sites import home_paths, national_site, own_pages


def home_path(path):
    """The path of the home page (depth 2) a page is under: the scope of its number."""
    return path[: Page.steplen * 2]


def same_home(queryset, path):
    return queryset.filter(path__startswith=home_path(path))


def under_site(queryset, site):
    return own_pages(queryset, site)


def national_home_paths():
    """Tree paths of the national site's home pages (the central library), or [] without one."""

    def compute():
        national = national_site()
        return home_paths(national) if national is not None else []

    return remembered(("legal", "national_home_paths"), compute)


def referable_from(queryset, path):
    """The documents a document at `path` may name by number: its own site's and the central."""
    paths = {home_path(path), *national_home_paths()}
    return queryset.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


def for_site(queryset, site):
    """The documents whose numbers a site's pages may refer to: its own and the central ones."""
    national = national_home_paths()
    if site is None or not national:
        return queryset
    paths = {*home_paths(site), *national}
    return queryset.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))


def restricted_paths():
    """Paths of the pages with a view restriction: the public sees nothing at or below them."""
    return remembered(
        ("legal", "restricted_paths"),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public(queryset):
    """Wagtail's `queryset.public()` without its query of the restrictions on every call."""
    restricted = restricted_paths()
    if not restricted:
        return queryset
    return queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in restricted)))


def is_public(path):
    return not any(path.startswith(restricted) for restricted in restricted_paths())


def by_number(pages, site=None, *, own=None):
    """{normalised number: page}, a site's own document (or one under the `own` path) winning
    over a central one."""
    owned = [own] if own else (home_paths(site) if site is not None else [])
    found = {}
    for page in pages:
        current = found.get(page.normalised_number)
        if current is None or any(page.path.startswith(path) for path in owned):
            found[page.normalised_number] = page
    return found
