"""Fixed-window rate limits kept in the cache, for forms and endpoints that count per address:
a rate is "N/unit" (s, m, h, d), e.g. "10/h"."""

from django.core.cache import cache

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """(limit, window seconds) of a rate such as "10/h"; the unit defaults to hours."""
    count, _sep, unit = rate.partition("/")
    return int(count), UNITS.get(unit[:1] or "h", 3600)


def take(key, rate):
    """Count one use of `key`; False when it is over the rate's limit in the current window."""
    limit, seconds = parse_rate(rate)
    cache.add(key, 0, seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        used = 1
    return used <= limit
