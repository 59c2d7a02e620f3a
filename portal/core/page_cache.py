"""The whole-page cache (PAGE_CACHE_SECONDS) as a consumer of the content event log: every
change to public content starts a new generation of cached pages, so a visitor never gets a page
older than the last change. The generation lives in the shared cache; the old generation's
entries expire by themselves."""

from django.core.cache import caches
from django.middleware import cache as django_cache

from .publishing import register_consumer

GENERATION_KEY = "portal:page-cache-generation"


def _cache():
    from django.conf import settings

    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def generation():
    return _cache().get_or_set(GENERATION_KEY, 1, timeout=None)


@register_consumer("page_cache")
def new_generation(events):
    """Content changed: pages cached before it are no longer served."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (a cleared cache)
        cache.set(GENERATION_KEY, 2, timeout=None)


class _Generational:
    """`key_prefix` names the current generation, read at each use."""

    @property
    def key_prefix(self):
        return f"{self._base_prefix}.g{generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        self._base_prefix = value


class UpdateCacheMiddleware(_Generational, django_cache.UpdateCacheMiddleware):
    pass


class FetchFromCacheMiddleware(_Generational, django_cache.FetchFromCacheMiddleware):
    pass
