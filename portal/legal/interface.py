"""What other content apps may ask of the legal app: documents by number. Apps import this
module, never the legal app's models (a procedure's legal bases resolve through it)."""

from portal.core.visibility import visible

from .scope import by_number


def documents_by_number(normalised_numbers, site=None):
    """{normalised number: page} of the documents among these numbers the public may see; for
    a site, its own local documents and the central ones, its own winning."""
    from .models import LegalDocumentPage

    pages = LegalDocumentPage.objects.filter(normalised_number__in=normalised_numbers)
    return by_number(visible(pages, site), site)
