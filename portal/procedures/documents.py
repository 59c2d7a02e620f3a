"""What a procedure hands to the search engine (see search/documents.py)."""

from search.documents import SearchDocument

from .models.choices import Audience, Level, OnlineLevel, Status


def _choice_facet(choices, values):
    return [(value, choices(value).label) for value in values]


def procedure_search_document(page):
    steps = [step.text for step in page.steps.all()]
    dossier = [" ".join(filter(None, [item.case, item.name])) for item in page.dossier_items.all()]
    body = "\n".join([*steps, *dossier, page.requirements, page.result, page.subjects])
    return SearchDocument(
        kind="procedure",
        id=page.code,
        title=page.name or page.title,
        url=page.url or "",
        language=page.locale.language_code,
        body=body.strip(),
        summary=page.listing_summary or page.search_description or page.result[:300],
        identifiers=[page.code],
        facets={
            "field": [(field.slug, field.name) for field in page.procedure_fields.all()],
            "level": _choice_facet(Level, page.levels),
            "audience": _choice_facet(Audience, page.audiences),
            "agency": [(agency.slug, agency.name) for agency in page.implementing_agencies.all()],
            "online_level": _choice_facet(OnlineLevel, [page.online_level]),
            "status": _choice_facet(Status, [page.status]),
        },
        popularity=float(page.popularity),
        in_force=page.status != Status.ABOLISHED,
        page_id=page.pk,
    )
