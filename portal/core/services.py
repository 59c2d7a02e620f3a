"""The citizen services every site leads to from its header, footer and home page: ask a
question, file a report, track a case, statistics, alerts, online exchanges.

Core imports no content app: each app contributes its services through the Wagtail hook
`register_citizen_services`, a function of the request (whose site and language are current)
returning a list of `{"key", "title", "description", "url", "order"}`. The list is remembered
per site and language until public content changes (portal.core.content_cache).
"""

from django.utils.translation import get_language

from wagtail import hooks

from . import content_cache
from .sites import request_site

HOOK = "register_citizen_services"


def citizen_services(request):
    """The services of the request's site in the current language, in their order."""
    site = request_site(request)
    language = (get_language() or "vi")[:2]

    def gather():
        found = [service for contribute in hooks.get_hooks(HOOK) for service in contribute(request)]
        return sorted(found, key=lambda service: service["order"])

    key = ("citizen_services", site.pk if site else None, request.get_host(), language)
    return content_cache.remembered(key, gather)


def service(key, title, description, url, order):
    """One entry of the list, as contributions return it (titles are already translated)."""
    return {
        "key": key,
        "title": str(title),
        "description": str(description),
        "url": url,
        "order": order,
    }
