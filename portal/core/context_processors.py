from django.utils.translation import get_language

from wagtail.models import Site

from .models import AgencySettings


def agency(request):
    """The agency's name and address in the language being served, for headers and footers."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    agency_settings = AgencySettings.for_request(request)
    language = get_language()
    return {
        "agency": agency_settings,
        "agency_name": agency_settings.name_for(language) or "Cổng thông tin điện tử",
        "agency_address": agency_settings.address_for(language),
    }
