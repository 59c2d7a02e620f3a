"""Per-client rate limit for the search endpoints (429 with Retry-After).

Use it on a Ninja operation or router:

    from portal.api.throttling import SearchRateThrottle

    @router.get("/", throttle=SearchRateThrottle())

The rate is `settings.API_SEARCH_RATE` ("60/min" by default), read on every request so a
deployment (or a test) can change it. Clients are told apart by IP address; behind a reverse
proxy set NINJA_NUM_PROXIES so the address comes from X-Forwarded-For. Counts live in the
default cache, which is Redis in production, so every app process shares them.
"""

from ninja.throttling import SimpleRateThrottle

from django.conf import settings


class SearchRateThrottle(SimpleRateThrottle):
    scope = "search"
    setting = "API_SEARCH_RATE"

    def __init__(self):
        super().__init__(rate=getattr(settings, self.setting))

    def allow_request(self, request):
        self.rate = getattr(settings, self.setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SuggestRateThrottle(SearchRateThrottle):
    """Autocomplete's own, more generous limit (`settings.API_SUGGEST_RATE`, "600/min" by
    default): a person typing asks for suggestions several times a query, and everyone behind
    one office's address shares the count; suggestions never use up the search limit."""

    scope = "suggest"
    setting = "API_SUGGEST_RATE"
