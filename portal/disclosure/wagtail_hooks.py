from django.db.models import Max
from django.urls import reverse

from wagtail import hooks

from portal.core.models import AgencySettings
from portal.core.visibility import visible

from .models import DisclosureDocumentPage, DisclosureIndexPage, item_of
from .sources import CONTACTS_ANCHOR, HOOK, published


@hooks.register(HOOK)
def contact_point(request, site):
    """The section itself names the contact point, once the agency has a phone or an email."""
    agency = AgencySettings.for_site(site) if site else None
    if agency is None or not (agency.hotline or agency.email):
        return []
    return [published("contacts", reverse("disclosure:section") + CONTACTS_ANCHOR, None)]


@hooks.register(HOOK)
def disclosure_documents(request, site):
    """Each category of the "công khai" collection published on this site, linked to its part
    of the site's collection page (recruitment and reports feed the statistics item)."""
    listing = visible(DisclosureIndexPage.objects.order_by("path"), site).first()
    if listing is None:
        return []
    latest = (
        visible(DisclosureDocumentPage.objects.all(), site)
        .order_by()
        .values("category")
        .annotate(updated=Max("last_published_at"))
    )
    url = listing.get_url(request)
    return [
        published(item_of(row["category"]), f"{url}#{row['category']}", row["updated"])
        for row in latest
    ]
