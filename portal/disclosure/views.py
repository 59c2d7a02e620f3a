"""`/tiep-can-thong-tin/`: the section on access to information every site must have (Law
104/2016/QH13 Art. 19(1)(g), 34(1)(b)): the list of information that must be disclosed, where
each item is published on this site and when it last changed, and the contact point for
requests for information."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.core.models import AgencySettings
from portal.core.sites import request_site

from .sources import disclosure_list


def section(request):
    site = request_site(request)
    items = disclosure_list(request)
    return TemplateResponse(
        request,
        "disclosure/section.html",
        {
            "title": _("Tiếp cận thông tin"),
            "items": items,
            "missing": sum(1 for item in items if not item["url"]),
            "contact": AgencySettings.for_site(site) if site else None,
        },
    )
