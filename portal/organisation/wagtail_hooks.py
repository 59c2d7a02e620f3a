from wagtail import hooks

from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import pages_source

from .models import OrganisationPage


@hooks.register(DISCLOSURE_HOOK)
def disclosed_organisation(request, site):
    return pages_source("organisation", request, site, OrganisationPage, OrganisationPage)
