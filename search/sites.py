"""Which agency's site an entry belongs to, and which sites a search looks in.

An entry's indexed `site` field holds its page's site id, plus `*` when every site shows it
(portal.core.sites: national shared content). A provincial site searches its own entries and the
shared ones; the ministry's site searches every site, with the `site` facet (agency, province)
to narrow it.
"""

from urllib.parse import urlsplit, urlunsplit

from portal.core.models import AgencySettings
from portal.core.sites import owner_site, request_site, shared_page_types

from .documents import SHARED


def request_scope(http_request):
    """The `site` values a search from this request may match; [] for every site."""
    site = request_site(http_request)
    if site is None or site.is_default_site:
        return []
    return [str(site.pk), SHARED]


class SiteLabels:
    """The site of pages and its facet value (hostname, agency name), loaded once per batch."""

    def __init__(self):
        names = AgencySettings.objects.values_list("site_id", "agency_name", "province")
        self.names = {site_id: (name, province) for site_id, name, province in names}
        self.shared_types = tuple(shared_page_types())

    def tag(self, page, documents):
        site = owner_site(page)
        if site is None:
            return
        shared = site.is_default_site and isinstance(page, self.shared_types)
        name, province = self.names.get(site.pk, ("", ""))
        label = f"{name} ({province})" if name and province else name or site.hostname
        for doc in documents:
            if shared:
                # Every site serves it at the same path (portal.core.home_addresses): a hit links
                # to the address the search was made on.
                doc.url = _path_only(doc.url)
            doc.site = str(site.pk)
            doc.shared = shared
            doc.local = not site.is_default_site
            doc.facets = {**doc.facets, "site": [(site.hostname, label)]}


def _path_only(url):
    if not url:
        return url
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment))
