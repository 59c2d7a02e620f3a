"""What other content apps may ask of the procedures app: the procedures citing a legal
document. Apps import this module, never the procedures app's models."""

from portal.core.visibility import visible


def procedures_citing(normalised_number):
    """The procedures the public may see whose legal bases name this document, by title."""
    from .models import ProcedureLegalBasis, ProcedurePage

    cited_by = ProcedureLegalBasis.objects.filter(normalised_number=normalised_number)
    pages = ProcedurePage.objects.filter(pk__in=cited_by.values("page_id"))
    return list(visible(pages).order_by("title"))
