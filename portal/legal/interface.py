"""What other content apps may ask of the legal app: documents by number. Apps import this
module, never the legal app's models (a procedure's legal bases resolve through it)."""

from portal.core.visibility import visible


def documents_by_number(normalised_numbers):
    """{normalised number: page} of the documents among these numbers the public may see."""
    from .models import LegalDocumentPage

    pages = visible(LegalDocumentPage.objects.filter(normalised_number__in=normalised_numbers))
    return {page.normalised_number: page for page in pages}
