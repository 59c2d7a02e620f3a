"""Sites and their home pages as every request sees them, remembered until content changes
(portal/core/content_cache.py): finding a request's site, its home page in the request's language
and the national site costs no query on a warm worker. The Site and home instances built from
them are the request's own, to read (not to add pages under: the tree may have moved since)."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import content_cache
from .routing import page_from, page_record

SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def site_records():
    return content_cache.remembered(
        ("sites",),
        lambda: list(Site.objects.values(*SITE_FIELDS)),  # in Wagtail's order
    )


def home_records(root_page_id):
    """The field values of a site's home pages (its root page and the root's translations)."""

    def compute():
        key = Page.objects.filter(pk=root_page_id).values("translation_key")
        homes = Page.objects.filter(translation_key__in=key).order_by("path").specific()
        return [
            {"id": home.pk, "path": home.path, "live": home.live, **page_record(home)}
            for home in homes
        ]

    return content_cache.remembered(("homes", root_page_id), compute)


def site_from(record):
    site = Site.from_db(DEFAULT_DB_ALIAS, SITE_FIELDS, [record[name] for name in SITE_FIELDS])
    root = next(
        (home for home in home_records(site.root_page_id) if home["id"] == site.root_page_id),
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
    for record in site_records():
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
        return site_from(ranked[0][1])
    return site_from(ranked[len(ranked) == 2][1])


def home_in_language(site_root, language_code):
    """The live home page of `site_root`'s site in that language, or None (no query)."""
    try:
        language_code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    for record in home_records(site_root.pk):
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
        find_site(request)
        return self.get_response(request)


def find_site(request):
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


def national_site():
    """The national site (Wagtail's default site)."""
    record = next((record for record in site_records() if record["is_default_site"]), None)
    return site_from(record) if record is not None else None
