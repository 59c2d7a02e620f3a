from django.db import DEFAULT_DB_ALIAS
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import content_cache
from .models import AgencySettings
from .sites import request_site

LOGO_FILTER = "height-48"


def _agency_record(site):
    """The site's agency settings as plain data, with the header's logo already rendered."""
    agency_settings = AgencySettings.for_site(site)
    logo = agency_settings.logo
    return {
        "values": [
            getattr(agency_settings, f.attname) for f in AgencySettings._meta.concrete_fields
        ],
        "logo": logo.get_rendition(LOGO_FILTER).img_tag({"class": "site-logo", "alt": ""})
        if logo is not None
        else "",
    }


def agency(request):
    """The agency's name and address in the language being served, for headers and footers:
    those of the agency's site the request came to (portal.core.sites)."""
    site = request_site(request)
    if site is None:
        return {}
    record = content_cache.remembered(("agency", site.pk), lambda: _agency_record(site))
    names = [field.attname for field in AgencySettings._meta.concrete_fields]
    agency_settings = AgencySettings.from_db(DEFAULT_DB_ALIAS, names, record["values"])
    language = get_language()
    return {
        "agency": agency_settings,
        "agency_logo": mark_safe(record["logo"]),
        "agency_name": agency_settings.name_for(language) or "Cổng thông tin điện tử",
        "agency_address": agency_settings.address_for(language),
        "agency_theme": bool(agency_settings.theme_colours()),
    }
