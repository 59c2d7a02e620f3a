"""System checks that say what a deployment is missing, without stopping it."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def shared_cache(app_configs, **kwargs):
    """Rate limits count in the default cache: one local to each process lets each worker
    count on its own (4 workers let through 4 times the limit)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend.rpartition('.')[2]}) is local to each process, so "
            "the search rate limit (API_SEARCH_RATE) is counted per worker process.",
            hint="Set REDIS_URL, or leave CACHES to the production default (the database).",
            id="portal.W001",
        )
    ]
