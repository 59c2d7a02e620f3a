"""The legal documents a procedure page cites (its legal bases and publishing decision),
linked to their pages when the portal publishes them, asked of the legal app through its
interface."""

import re
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse

from portal.core.identifiers import normalise_document_number

# A document number inside a sentence: "Quyết định số 1258/QĐ-BNNMT ngày 25/6/2025 …".
DECISION_NUMBER = re.compile(r"\b\d+(?:/\d{4})?/[^\W\d_][\w-]*", re.UNICODE)


class LegalLinks:
    """A procedure page's links to the legal documents it cites."""

    def resolved_legal_bases(self):
        """(basis, url or None) for each legal basis, linked when the document is published."""
        from ..shared import legal_links

        links = legal_links(self)
        return [(basis, links.get(basis.normalised_number)) for basis in self.legal_bases.all()]

    def decision_link(self):
        """(number, url) of the publishing decision named in `decision`: its page when the
        portal has it, else a search for its number; None when no number can be read."""
        from ..shared import legal_links

        match = DECISION_NUMBER.search(self.decision or "")
        if match is None:
            return None
        number = match.group(0)
        normalised = normalise_document_number(number)
        links = legal_links(self)
        if normalised in links:
            return number, links[normalised]
        return number, reverse("search") + "?" + urlencode({"kind": "legal", "q": number})


def published_legal_documents(normalised_numbers, site=None):
    """{normalised number: page} of the visible legal documents among these numbers, asked of
    the legal app through its interface (none when that app is not installed); for a site, its
    own local documents win over central ones of the same number."""
    if not normalised_numbers or not apps.is_installed("portal.legal"):
        return {}
    from portal.legal.interface import documents_by_number

    return documents_by_number(normalised_numbers, site)
