"""Fixed-window rate limits kept in the cache, for forms and endpoints that count per address:
a rate is "N/unit" (s, m, h, d), e.g. "10/h".

`take` counts a use and says whether it was within the limit; forms that count only what they
accept ask `full` first and `take` once the submission is accepted, and tell a refused person
when the window ends (`seconds_left`)."""

import time

from django.conf import settings
from django.core.cache import cache

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_address(request):
    """The client's address; behind N proxies (NINJA_NUM_PROXIES), the entry of X-Forwarded-For
    that the nearest proxy appended, never the proxy's own address."""
    proxies = getattr(settings, "NINJA_NUM_PROXIES", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")


def parse_rate(rate):
    """(limit, window seconds) of a rate such as "10/h"; the unit defaults to hours."""
    count, _sep, unit = rate.partition("/")
    return int(count), UNITS.get(unit[:1] or "h", 3600)


def take(key, rate):
    """Count one use of `key`; False when it is over the rate's limit in the current window."""
    limit, seconds = parse_rate(rate)
    if cache.add(key, 0, seconds):
        cache.set(f"{key}:ends", time.time() + seconds, seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        cache.set(f"{key}:ends", time.time() + seconds, seconds)
        used = 1
    return used <= limit


def full(key, rate):
    """Whether `key` has used all of the current window (nothing is counted)."""
    limit, _seconds = parse_rate(rate)
    return (cache.get(key) or 0) >= limit


def seconds_left(key, rate):
    """Seconds until the current window of `key` ends (the whole window when none is open)."""
    _limit, seconds = parse_rate(rate)
    ends = cache.get(f"{key}:ends")
    return max(1, round(ends - time.time())) if ends else seconds
