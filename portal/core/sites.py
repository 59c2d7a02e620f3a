"""Which agency a request is for, and what that agency's site shows: the one scoping rule.

Each agency (the ministry, a general department, a provincial department) is a Wagtail `Site`.
A site shows the pages under its own home pages (the Vietnamese root page and its translations,
which live beside it at the top of the tree). National content, the page types content apps
register with the `register_shared_page_types` hook (the procedure catalogue, central legal
documents), lives under the national site (the default site: the ministry) and every site shows
it too. Listings, typed APIs, Wagtail API v2, feeds, the sitemap, home sections and search all
scope through `scoped()`; nothing else decides what belongs to a site.

A request for a host that is no site is answered by the national site; under production
settings (`STRICT_SITE_HOSTS`) `SiteHostMiddleware` answers it with a 400 instead, so a typo or
a stale DNS name never shows one agency's content under another's name.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponseBadRequest

from wagtail import hooks
from wagtail.models import Site

from . import content_cache
from .site_lookup import find_site, home_records, site_from, site_records
from .site_lookup import national_site as remembered_national_site

SHARED_HOOK = "register_shared_page_types"


class UnknownSite(LookupError):
    """A hostname that names no site (import `--site`, an import line's `site`)."""


def national_site():
    """The ministry's site: Wagtail's default site."""
    return Site.objects.select_related("root_page").filter(is_default_site=True).first()


def site_by_hostname(hostname):
    """The site of this hostname, or raise UnknownSite naming the hostnames that exist."""
    hostname = (hostname or "").strip().lower()
    site = Site.objects.select_related("root_page").filter(hostname__iexact=hostname).first()
    if site is None:
        known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
        raise UnknownSite(f"no site with hostname {hostname!r} (sites: {known or 'none'})")
    return site


def _host_site(request):
    """The site whose hostname is the request's, or None (Wagtail falls back to the default)."""
    site = find_site(request)
    if site is None:
        return None
    try:
        hostname = request.get_host().rsplit(":", 1)[0].strip("[]").lower()
    except Exception:  # DisallowedHost: Django answers it before any view runs
        return None
    return site if site.hostname.lower() == hostname else None


def request_site(request):
    """The site a request came to; a host that is no site (or no request) gets the national
    site."""
    if request is None:
        return national_site()
    cached = getattr(request, "_portal_site", None)
    if cached is not None:
        return cached
    site = _host_site(request) or remembered_national_site()
    request._portal_site = site
    return site


class SiteHostMiddleware:
    """Under STRICT_SITE_HOSTS, a request for a host that names no site is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "STRICT_SITE_HOSTS", False):
            return self.get_response(request)
        # The sites are remembered per content version: read it here, once for the request.
        with content_cache.request_version():
            if _host_site(request) is None:
                return HttpResponseBadRequest(
                    "Yêu cầu không hợp lệ: địa chỉ này không thuộc cổng thông tin nào. / "
                    "Bad request: this host is not one of the portal's sites.",
                    content_type="text/plain; charset=utf-8",
                )
            return self.get_response(request)


def shared_page_types():
    """Page models whose pages under the national site every site shows."""
    models = []
    for register in hooks.get_hooks(SHARED_HOOK):
        models.extend(register())
    return models


def home_paths(site):
    """Tree paths of the site's home pages: its root page and the root page's translations."""
    cached = getattr(site, "_portal_home_paths", None)
    if cached is None:
        cached = [home["path"] for home in home_records(site.root_page_id)] or [site.root_page.path]
        site._portal_home_paths = cached
    return cached


def own_pages(queryset, site):
    """Pages of `queryset` under the site's own home pages (no national shared content)."""
    return queryset.filter(reduce(or_, (Q(path__startswith=path) for path in home_paths(site))))


def shared_pages(queryset):
    """Pages of `queryset` that every site shows: the registered types under the national site."""
    national = remembered_national_site()
    models = shared_page_types()
    if national is None or not models:
        return queryset.none()
    types = list(ContentType.objects.get_for_models(*models, for_concrete_models=False).values())
    return own_pages(queryset, national).filter(content_type__in=types)


def is_shared(page):
    """True when every site shows this page (a shared type under the national site)."""
    national = remembered_national_site()
    page_class = page.specific_class or type(page)
    if national is None or not any(issubclass(page_class, m) for m in shared_page_types()):
        return False
    return any(page.path.startswith(path) for path in home_paths(national))


def _national_seen_from(site):
    """The national site, remembered on `site` (one request's Site instance) so the many scoped
    queries of a page cost one look-up."""
    if site.is_default_site:
        return site
    if not hasattr(site, "_portal_national"):
        site._portal_national = remembered_national_site()
    return site._portal_national


def scoped(queryset, site, *, every_site=False):
    """Pages of `queryset` that `site` shows: its own, plus the national shared ones.

    `every_site=True` is the ministry's view across all agencies (search with an agency facet).
    """
    if every_site or site is None:
        return queryset
    shows = reduce(or_, (Q(path__startswith=path) for path in home_paths(site)))
    national = _national_seen_from(site)
    models = shared_page_types()
    if national is not None and national.pk != site.pk and models:
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
        national_tree = reduce(or_, (Q(path__startswith=p) for p in home_paths(national)))
        shows |= national_tree & Q(content_type__in=list(types))
    return queryset.filter(shows)


def in_scope(page, site):
    """Whether `site` shows this page (in `scoped()`): its own, or national shared content."""
    if any(page.path.startswith(path) for path in home_paths(site)):
        return True
    return not site.is_default_site and is_shared(page)


def every_site():
    """Every site, the national one first, from the remembered sites."""
    records = sorted(
        site_records(), key=lambda record: (not record["is_default_site"], record["id"])
    )
    return [site_from(record) for record in records]


def _site_homes():
    """(home path, site) of every site's home pages, longest path first, so a site rooted inside
    another's tree wins for its own pages; remembered until content changes."""

    def compute():
        homes = [
            (home["path"], site)
            for site in every_site()
            for home in home_records(site.root_page_id)
        ]
        return sorted(homes, key=lambda home: -len(home[0]))

    return content_cache.remembered(("site_homes",), compute)


def owner_site(page):
    """The owner rule: the site whose home pages this page (or tree path) is under (the deepest
    such home), the national site when none is."""
    page_path = page if isinstance(page, str) else page.path
    for path, site in _site_homes():
        if page_path and page_path.startswith(path):
            return site
    return remembered_national_site()
