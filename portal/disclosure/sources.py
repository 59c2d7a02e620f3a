"""Where each item of the disclosure list is published, contributed by the apps that publish
it: the Wagtail hook `register_disclosure_sources`, a function of (request, site) returning
`published(...)` entries. The list is remembered per site and language until content changes."""

from django.db.models import Count, Max
from django.utils.timezone import localdate
from django.utils.translation import get_language

from wagtail import hooks

from portal.core import content_cache
from portal.core.sites import request_site
from portal.core.visibility import visible
from portal.core.working_days import add_working_days, holidays

from .items import ITEMS

HOOK = "register_disclosure_sources"
CONTACTS_ANCHOR = "#dau-moi"


def published(key, url, updated, late=0):
    """Item `key` is published at `url`, last changed at `updated` (a datetime or None); `late`:
    how many of its pieces reached the site later than the item's deadline after their
    creation (see `late_count`)."""
    return {"key": key, "url": url, "updated": updated, "late": late}


def late_count(created_and_published, deadline_days):
    """How many (creation date, first publication) pairs were published after `deadline_days`
    working days from the creation (the editable holiday calendar)."""
    off = holidays()
    return sum(
        1
        for created, first in created_and_published
        if created and first and localdate(first) > add_working_days(created, deadline_days, off)
    )


def pages_source(key, request, site, listing_model, page_model):
    """The item published as pages of `page_model` under a `listing_model` page: the listing's
    address on this site and the latest publication among the pages public on it; nothing
    when the site shows no such page."""
    pages = visible(page_model.objects.all(), site)
    found = pages.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    listing = visible(listing_model.objects.order_by("path"), site).first()
    if not found["count"] or listing is None:
        return []
    return [published(key, listing.get_url(request), found["latest"])]


def _later(known, entry):
    """Of two places an item is published, the one changed last (with both places' late
    pieces)."""
    if known is None:
        return entry
    late = known["late"] + entry["late"]
    if known["updated"] is None or (
        entry["updated"] is not None and entry["updated"] > known["updated"]
    ):
        return {**entry, "late": late}
    return {**known, "late": late}


def disclosure_list(request):
    """Every item the request's site must disclose (see `items_for`)."""
    return items_for(request_site(request), request)


def items_for(site, request):
    """Every item `site` must disclose, in the law's order: published ones with their address
    and last change, the others with `url` None."""
    language = (get_language() or "vi")[:2]

    def gather():
        found = {}
        for contribute in hooks.get_hooks(HOOK):
            for entry in contribute(request, site):
                found[entry["key"]] = _later(found.get(entry["key"]), entry)
        # The national site is Wagtail's default site; every other site is a province's.
        province = bool(site and not site.is_default_site)
        return [
            {
                "key": item.key,
                "title": str(item.title),
                "basis": item.basis,
                "url": found[item.key]["url"] if item.key in found else None,
                "updated": found[item.key]["updated"] if item.key in found else None,
                "late": found[item.key]["late"] if item.key in found else 0,
                "deadline_days": item.deadline_days,
            }
            for item in ITEMS
            if province or not item.provinces_only
        ]

    key = ("disclosure_list", site.pk if site else None, request.get_host(), language)
    return content_cache.remembered(key, gather)
