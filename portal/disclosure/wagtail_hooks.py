from django.urls import reverse

from wagtail import hooks

from portal.core.models import AgencySettings

from .sources import CONTACTS_ANCHOR, HOOK, published


@hooks.register(HOOK)
def contact_point(request, site):
    """The section itself names the contact point, once the agency has a phone or an email."""
    agency = AgencySettings.for_site(site) if site else None
    if agency is None or not (agency.hotline or agency.email):
        return []
    return [published("contacts", reverse("disclosure:section") + CONTACTS_ANCHOR, None)]
