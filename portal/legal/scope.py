"""Where a document number is unique and which document a number means on a site.

Central documents (laws, decrees, circulars, the ministry's decisions) are one library under the
national site; a provincial People's Committee's decisions live under that province's site, so
"15/2025/QĐ-UBND" exists once per site. A number is unique under one home page (a site's
Vietnamese home, or its English one), and a number read on a site means that site's own document
when it has one, else the central document.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page

from portal.core.sites import home_paths, national_site, own_pages


def home_path(path):
    """The path of the home page (depth 2) a page is under: the scope of its number."""
    return path[: Page.steplen * 2]


def same_home(queryset, path):
    return queryset.filter(path__startswith=home_path(path))


def under_site(queryset, site):
    return own_pages(queryset, site)


def referable_from(queryset, path):
    """The documents a document at `path` may name by number: its own site's and the central."""
    paths = {home_path(path)}
    national = national_site()
    if national is not None:
        paths.update(home_paths(national))
    return queryset.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


def for_site(queryset, site):
    """The documents whose numbers a site's pages may refer to: its own and the central ones."""
    national = national_site()
    if site is None or national is None:
        return queryset
    paths = {*home_paths(site), *home_paths(national)}
    return queryset.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))


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
