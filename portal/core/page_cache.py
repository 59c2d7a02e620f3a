"""The whole-page cache for anonymous visitors (PAGE_CACHE_SECONDS), keyed by the content version.

Every change to public content writes the content event log, and the version
(`content_cache.version()`: the log's head) is part of every key: a page cached before a change
is never served after it, in every process at once, without waiting for a reader of the log.
So the cache can be long: entries of older versions are never read again and expire by
themselves. A front proxy or CDN is purged by URL by a consumer of the log (frontend_cache.py).

The middleware sits early in the stack, before the site lookup and sessions. Each process keeps
the pages of the current version it served last (PAGE_CACHE_LOCAL_ENTRIES) in front of the shared
cache: a hit costs the version read, and one shared-cache read when the page is not in the
process yet. An entry is the body, status and headers the inner middleware set (never a response
object the outer middleware would then change), so a hit answers with the same headers as the
page it copies. Signed-in editors (a session cookie) and
previews are never served from the cache and never fill it; the API has its own validators
(portal/api/caching.py). A page that follows something else too registers it
(`register_follower`): search results are keyed by the index's state as well.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from . import content_cache

# Paths the page cache leaves alone: the admin, the API, static and media files.
BYPASS_PREFIXES = ("/admin/", "/api/", "/django-admin/")
# Request headers a page may vary on; a response varying on anything else is not stored.
KEYED_HEADERS = ("Accept-Language", "Cookie")
ALLOWED_VARY = {"accept-language", "cookie", "accept-encoding"}


# Pages that follow something besides public content: [(matches(path), version())]. Their key
# adds that version (search results follow the index, which catches up with the log later).
_followers = []


def register_follower(matches, version):
    """Pages whose path `matches` are keyed by `version()` too; for apps below core."""
    _followers.append((matches, version))


def _followed(request):
    return "".join(f"+{version()}" for matches, version in _followers if matches(request.path))


def enabled():
    """Pages are cached in production-like settings only: with the content cache (every change
    moves the version) and without DEBUG (template edits show at once)."""
    return settings.PAGE_CACHE_SECONDS > 0 and settings.CONTENT_CACHE and not settings.DEBUG


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _bypassed(request):
    """Not for the cache: other methods, a signed-in editor, Wagtail's preview (a dummy request
    for the page's own URL, built by `make_preview_request`), the admin, the API, files."""
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    if getattr(request, "is_dummy", False):
        return True
    prefixes = (
        *BYPASS_PREFIXES,
        settings.STATIC_URL or "/static/",
        settings.MEDIA_URL or "/media/",
    )
    return request.path.startswith(prefixes)


def cache_key(request, version):
    parts = [
        version,
        "https" if request.is_secure() else "http",
        request.get_host(),
        request.get_full_path(),
        *(request.headers.get(name, "") for name in KEYED_HEADERS),
    ]
    digest = hashlib.md5("\n".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"portal:page:{digest}"


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    return vary <= ALLOWED_VARY


def _validated(request, response):
    """A 304 when the visitor's copy has the cached page's ETag."""
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class _Local:
    """The pages of one content version this process served last; a new version empties it."""

    def __init__(self):
        self.version = None
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, version, key):
        with self.lock:
            if version != self.version:
                self.version, self.pages = version, OrderedDict()
                return None
            entry = self.pages.get(key)
            if entry is not None:
                self.pages.move_to_end(key)
            return entry

    def put(self, version, key, entry):
        with self.lock:
            if version != self.version:
                self.version, self.pages = version, OrderedDict()
            self.pages[key] = entry
            while len(self.pages) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self.pages.popitem(last=False)

    def clear(self):
        with self.lock:
            self.version, self.pages = None, OrderedDict()


local = _Local()


def _entry(response):
    return (response.content, response.status_code, list(response.items()))


def _response(entry):
    content, status, headers = entry
    return HttpResponse(content, status=status, headers=dict(headers))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or _bypassed(request):
            return self.get_response(request)
        # One version read for the whole request: the middleware after this one reuse it.
        with content_cache.request_version():
            return self._serve(request)

    def _serve(self, request):
        version = content_cache.version()
        key = cache_key(request, version + _followed(request))
        entry = local.get(version, key)
        if entry is None:
            entry = _cache().get(key)
            if entry is not None:
                local.put(version, key, entry)
        if entry is not None:
            return _validated(request, _response(entry))
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'
        # Browsers revalidate (a 304 costs no more than a hit); a purged front proxy may keep it.
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        if settings.FRONTEND_CACHE_SECONDS:
            patch_cache_control(response, s_maxage=settings.FRONTEND_CACHE_SECONDS)
        entry = _entry(response)
        _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        local.put(version, key, entry)
        return _validated(request, response)
