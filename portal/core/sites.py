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
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponseBadRequest
from django.http.request import split_domain_port

from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import content_cache
from .routing import page_from, page_record

SHARED_HOOK = "register_shared_page_types"
SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


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


# --- Sites and their home pages as every request sees them: remembered until content changes
# (portal/core/content_cache.py), so finding a request's site and home costs no query. The Site
# and home instances built from them are the request's own, to read (not to add pages under).


def _sites():
    return content_cache.remembered(
        ("sites",),
        lambda: list(Site.objects.values(*SITE_FIELDS)),  # in Wagtail's order
    )


def _home_records(root_page_id):
    """The field values of a site's home pages (its root page and the root's translations)."""

    def compute():
        key = Page.objects.filter(pk=root_page_id).values("translation_key")
        homes = Page.objects.filter(translation_key__in=key).order_by("path").specific()
        return [
            {"id": home.pk, "path": home.path, "live": home.live, **page_record(home)}
            for home in homes
        ]

    return content_cache.remembered(("homes", root_page_id), compute)


def _site_from(record):
    site = Site.from_db(DEFAULT_DB_ALIAS, SITE_FIELDS, [record[name] for name in SITE_FIELDS])
    root = next(
        (home for home in _home_records(site.root_page_id) if home["id"] == site.root_page_id),
        None,
    )
    if root is not None:
        site.root_page = page_from(root)
    return site


def site_for_host(hostname, port):
    """Wagtail's choice of site for a host and port (`Site.find_for_request`), without a query:
    that hostname and port, else that hostname on the default site, else the only site of that
    hostname, else the default site."""
    port = int(port) if str(port).isdigit() else None
    ranked = []
    for record in _sites():
        if record["hostname"] == hostname and record["port"] == port:
            ranked.append((0, record))
        elif record["hostname"] == hostname and record["is_default_site"]:
            ranked.append((1, record))
        elif record["is_default_site"]:
            ranked.append((2, record))
        elif record["hostname"] == hostname:
            ranked.append((3, record))
    ranked.sort(key=lambda item: item[0])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (0, 1):
        return _site_from(ranked[0][1])
    return _site_from(ranked[len(ranked) == 2][1])


def home_in_language(site_root, language_code):
    """The live home page of `site_root`'s site in that language, or None (no query)."""
    try:
        language_code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    for record in _home_records(site_root.pk):
        if record["language"] == language_code:
            if record["id"] == site_root.pk:
                return site_root
            return page_from(record) if record["live"] else None
    return None


class RequestSiteMiddleware:
    """Gives Wagtail the request's site from the remembered sites (`Site.find_for_request`
    reads `request._wagtail_site`), after ContentVersionMiddleware has read the version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _find_site(request)
        return self.get_response(request)


def _find_site(request):
    """`Site.find_for_request(request)`, from the remembered sites."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(hostname, request.get_port())
    return request._wagtail_site


def _forget(**kwargs):
    content_cache.clear()


def _forget_for_home(instance, **kwargs):
    # A site's home (or its translation) sits at depth 2; a draft of one moves no content event.
    if isinstance(instance, Page) and instance.depth == 2:
        content_cache.clear()


# In this process at once; other processes see a site edited in the admin through the log of
# edits that moves the content version.
post_save.connect(_forget, sender=Site, dispatch_uid="sites_forget")
post_delete.connect(_forget, sender=Site, dispatch_uid="sites_forget_deleted")
post_save.connect(_forget_for_home, dispatch_uid="sites_forget_home")


def _host_site(request):
    """The site whose hostname is the request's, or None (Wagtail falls back to the default)."""
    site = _find_site(request)
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


def remembered_national_site():
    """The national site as requests see it (no query on a warm worker)."""
    record = next((record for record in _sites() if record["is_default_site"]), None)
    return _site_from(record) if record is not None else None


class SiteHostMiddleware:
    """Under STRICT_SITE_HOSTS, a request for a host that names no site is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "STRICT_SITE_HOSTS", False) and _host_site(request) is None:
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
        cached = [home["path"] for home in _home_records(site.root_page_id)] or [
            site.root_page.path
        ]
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
    if national is None or not any(isinstance(page.specific, m) for m in shared_page_types()):
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


class SiteMap:
    """Every site with the tree paths of its home pages, loaded in two queries: which site a
    page belongs to, for code that asks it of many pages (search indexing, export)."""

    def __init__(self):
        sites = list(Site.objects.select_related("root_page").order_by("-is_default_site", "pk"))
        by_key = {site.root_page.translation_key: site for site in sites}
        homes = Page.objects.filter(translation_key__in=list(by_key)).values_list(
            "translation_key", "path"
        )
        # Longest path first, so a site rooted inside another's tree wins for its own pages.
        self.homes = sorted(
            ((path, by_key[key]) for key, path in homes), key=lambda home: -len(home[0])
        )
        self.national = next((site for site in sites if site.is_default_site), None)

    def site_of(self, page):
        """The site whose home pages this page is under (the national site when none is)."""
        for path, site in self.homes:
            if page.path.startswith(path):
                return site
        return self.national


def site_of_page(page):
    return SiteMap().site_of(page)
