"""/healthz and /readyz for load balancers and orchestrators.

- /healthz: the process answers (liveness); it checks nothing else.
- /readyz: the database, the cache and the search engine answer, and the background work keeps
  up: a task worker has been seen while tasks wait, and no content-event consumer has fallen
  behind (portal/core/background.py) (readiness); a 503 names the failing part. Parts that are
  optional say which backend serves them (the embedded search engine without
  ELASTICSEARCH_URL, the database cache without REDIS_URL) and email delivery shows as "not
  configured" without EMAIL_URL, which does not make the portal unready.

Both are answered by a middleware placed before everything else, so a probe with the load
balancer's own Host header (not in ALLOWED_HOSTS) or over plain HTTP gets its answer, and
neither is ever cached. The bodies name backends, never addresses or credentials.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

import search

from .background import Lagging, consumers_status, worker_status

logger = logging.getLogger(__name__)

PATHS = {"/healthz", "/healthz/", "/readyz", "/readyz/"}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"backend": connection.vendor}


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("a value written to the cache could not be read back")
    cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"].rpartition(".")[2]}


class Unready(Exception):
    """A part that does not answer; the message says why, in words safe to show."""


def check_search():
    engine = "elasticsearch" if settings.ELASTICSEARCH_URL else "embedded"
    problem = search.problem()
    if problem:
        raise Unready(problem)
    return {"engine": engine}


def email_delivery():
    """Shown, never failing: mail is optional, and sent by background tasks that retry."""
    backend = settings.EMAIL_DELIVERY_BACKEND.rpartition(".backends.")[2].partition(".")[0]
    if backend == "dummy":
        return {"status": "not configured", "delivery": "none (EMAIL_URL is not set)"}
    return {"status": "ok", "delivery": backend}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "worker": worker_status,
    "consumers": consumers_status,
}


def readiness():
    checks = {}
    for name, check in CHECKS.items():
        try:
            checks[name] = {"status": "ok", **check()}
        except (Lagging, Unready) as error:  # our own words, with no address or credential in them
            logger.warning("readyz: %s is failing: %s", name, error)
            checks[name] = {"status": "failing", "error": str(error)}
        except Exception as error:
            logger.warning("readyz: %s is failing: %s", name, type(error).__name__)
            checks[name] = {"status": "failing", "error": type(error).__name__}
    failing = [name for name, result in checks.items() if result["status"] != "ok"]
    status = f"failing: {', '.join(failing)}" if failing else "ok"
    checks["email"] = email_delivery()
    return (503 if failing else 200), {"status": status, "checks": checks}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in PATHS:
            return self.get_response(request)
        if request.path.startswith("/healthz"):
            status, body = 200, {"status": "ok"}
        else:
            status, body = readiness()
        response = JsonResponse(body, status=status)
        add_never_cache_headers(response)
        return response
