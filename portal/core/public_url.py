"""The public address of the portal: where every absolute URL it writes begins.

Absolute URLs (sitemap, feeds, the API's `url` fields, Wagtail API v2, canonical links, the
printed procedure page) all come from `root_url()`:

1. `PUBLIC_URL` (e.g. `https://portal.example.gov.vn`) when set: the default site's address in
   production, whatever host the request came through (a reverse proxy, an internal name).
2. Otherwise the Wagtail site's configured hostname and port (Settings › Sites in the admin;
   `manage.py site_address HOST:PORT` sets the default site's, as `make run` does).
3. A site still at the address a fresh database starts with (`localhost`) is not configured: the
   address the request came to is used instead, so no URL says `http://localhost/` unless the
   portal is served there.

Code without the request at hand (a page's `full_url`, a template of a feed) gets the request
being answered from `PublicURLMiddleware`.
"""

import contextvars
from urllib.parse import urlsplit

from django.conf import settings

UNCONFIGURED_HOSTNAMES = {"localhost"}

_current_request = contextvars.ContextVar("public_url_request", default=None)


class PublicURLMiddleware:
    """Makes the request being answered known to `root_url()` for code that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def current_request():
    return _current_request.get()


def configured_public_url():
    value = (getattr(settings, "PUBLIC_URL", "") or "").strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    return f"{parts.scheme}://{parts.netloc}"


def _request_origin(request):
    try:
        return f"{request.scheme}://{request.get_host()}"
    except Exception:  # DisallowedHost and the like: the request tells us nothing usable
        return ""


def root_url(site=None, request=None):
    """`scheme://host[:port]` (no trailing slash) of the site (the request's, else the default
    one) as the public sees it."""
    from wagtail.models import Site

    request = request if request is not None else current_request()
    if site is None:
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = Site.objects.filter(is_default_site=True).first()
    public = configured_public_url()
    if public and (site is None or site.is_default_site):
        return public
    if site is not None and site.hostname not in UNCONFIGURED_HOSTNAMES:
        return site.root_url
    if request is not None:
        origin = _request_origin(request)
        if origin:
            return origin
    return site.root_url if site is not None else ""


def _default_site_id(request):
    from wagtail.models import Site

    cached = getattr(request, "_portal_default_site_id", None)
    if cached is None:
        cached = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
        if request is not None:
            request._portal_default_site_id = cached
    return cached


def site_root_url(site_id, wagtail_root_url, request=None):
    """What `Page.get_url_parts()` gives as the root URL of site `site_id`, from the root URL
    Wagtail found for it (its cached site root paths): no query for a configured site."""
    if wagtail_root_url is None:
        return None
    request = request if request is not None else current_request()
    public = configured_public_url()
    if public and site_id == _default_site_id(request):
        return public
    if urlsplit(wagtail_root_url).hostname not in UNCONFIGURED_HOSTNAMES:
        return wagtail_root_url
    origin = _request_origin(request) if request is not None else ""
    return origin or wagtail_root_url


def absolute(url, request=None):
    """The URL made absolute with the public address; absolute URLs are left as they are."""
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return root_url(request=request) + ("" if url.startswith("/") else "/") + url


class PublicBaseURL:
    """WAGTAILAPI_BASE_URL: Wagtail's API reads it with str() on each use."""

    def __str__(self):
        return root_url()

    def __bool__(self):
        return True
