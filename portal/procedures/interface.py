"""What other content apps may ask of the procedures app: the procedures citing a legal
document, and summaries of procedures by code. Apps import this module, never the procedures
app's models."""

from portal.core.visibility import visible


def procedures_citing(normalised_number):
    """The procedures the public may see whose legal bases name this document, by title."""
    from .models import ProcedureLegalBasis, ProcedurePage

    cited_by = ProcedureLegalBasis.objects.filter(normalised_number=normalised_number)
    pages = ProcedurePage.objects.filter(pk__in=cited_by.values("page_id"))
    return list(visible(pages).order_by("title"))


def procedure_summaries(codes):
    """{code: {"name", "field_id", "url"}} of the public procedures among `codes`; the field is
    the procedure's first (its main one), or None."""
    from .models import ProcedurePage

    pages = visible(ProcedurePage.objects.filter(code__in=list(codes)))
    through = ProcedurePage.procedure_fields.through
    first_fields = {}
    for page_id, field_id in (
        through.objects.filter(procedurepage__in=pages)
        .order_by("id")
        .values_list("procedurepage_id", "field_id")
    ):
        first_fields.setdefault(page_id, field_id)
    return {
        page.code: {"name": page.name, "field_id": first_fields.get(page.pk), "url": page.url}
        for page in pages.only("id", "code", "name", "url_path")
    }
