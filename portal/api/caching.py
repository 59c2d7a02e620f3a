"""HTTP caching for read endpoints: ETag, Last-Modified, Cache-Control and 304 on conditional GET.

`ApiCacheMiddleware` applies it to everything under /api/; `cache_read` decorates other read
views (sitemap, robots.txt, feeds). A view that must not be cached (preview) sets its own
Cache-Control, which is left alone.

Last-Modified is the time of the latest change to public content in the content event log
(publish, import, validity change, unpublish, move, delete; every path writes there), or of an
edit to a snippet: coarse but never too early. A view that follows something else sets its own
(search: its index, which catches up with the log later), which the 304 then follows. The ETag
is a hash of the body, so a client revalidating with If-None-Match gets a 304 exactly when its
copy is still right.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.db.models import Max
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from wagtail.models import ModelLogEntry

from portal.core.models import ContentEvent

API_PREFIX = "/api/"


def content_last_modified():
    """The latest change to published content, or None on a database without history."""
    times = [
        model.objects.aggregate(latest=Max("timestamp"))["latest"]
        for model in (ContentEvent, ModelLogEntry)
    ]
    times = [time for time in times if time is not None]
    return max(times) if times else None


def apply_read_caching(request, response):
    """Add validators and Cache-Control to a successful read; 304 if the client's copy is fresh."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.streaming or response.has_header("Cache-Control"):
        return response
    if not response.has_header("ETag"):
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'
    if response.has_header("Last-Modified"):  # the view knows better (search: its index)
        last_modified = parse_http_date_safe(response["Last-Modified"])
    else:
        changed = content_last_modified()
        last_modified = changed and int(changed.timestamp())
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    patch_vary_headers(response, ["Accept-Language"])
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=last_modified,
        response=response,
    )


def cache_read(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return apply_read_caching(request, response)

    return wrapped


class ApiCacheMiddleware:
    """Caching headers on every read under /api/. A HEAD request is answered as the GET it
    stands for, without the body (Django Ninja itself answers HEAD with a 405)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        response = apply_read_caching(request, response)
        if head:
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        return response


NOT_MODIFIED = {
    "description": "Not Modified: the copy named by If-None-Match or If-Modified-Since is "
    "still right (no body)."
}
VALIDATORS = {
    "ETag": {"description": "A hash of the body.", "schema": {"type": "string"}},
    "Last-Modified": {
        "description": "The latest change to public content.",
        "schema": {"type": "string"},
    },
}


def document_caching(schema):
    """Every read under /api/ carries ETag and Last-Modified and answers a conditional GET with
    304: said on each GET operation of the OpenAPI document."""
    for operations in schema["paths"].values():
        get = operations.get("get")
        if get is None:
            continue
        for status, response in get["responses"].items():
            if str(status) == "200":
                response.setdefault("headers", {}).update(VALIDATORS)
        get["responses"].setdefault(304, NOT_MODIFIED)
    return schema
