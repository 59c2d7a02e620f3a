from django.utils.translation import get_language

from .models import AgencySettings
from .sites import request_site


def agency(request):
    """The agency's name and address in the language being served, for headers and footers:
    those of the agency's site the request came to (portal.core.sites)."""
    site = request_site(request)
    if site is None:
        return {}
    agency_settings = AgencySettings.for_site(site)
    language = get_language()
    return {
        "agency": agency_settings,
        "agency_name": agency_settings.name_for(language) or "Cổng thông tin điện tử",
        "agency_address": agency_settings.address_for(language),
        "agency_theme": bool(agency_settings.theme_colours()),
    }
