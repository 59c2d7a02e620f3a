"""What many procedure pages share and only content changes: the links of the legal documents
procedures cite, the published replacements, the procedures that can be compared across
provinces, the catalogues' links, agency names and each catalogue's facets. Each is computed
once per process and content version (portal/core/content_cache.py) and is plain data, so a
page costs the same queries whatever its dossier, legal bases or local implementations."""

from django.db.models import Exists, OuterRef

from portal.core.content_cache import remembered
from portal.core.home_addresses import addresses_key, serving_site
from portal.core.identifiers import normalise_document_number
from portal.core.models import Agency, Field
from portal.core.sites import national_site, own_pages, owner_site
from portal.core.text import vietnamese_sort_key
from portal.core.visibility import visible

from .local import public_implementations
from .models import ProcedureIndexPage, ProcedureLegalBasis, ProcedurePage
from .models.legal_links import DECISION_NUMBER, published_legal_documents

# Numbers asked of the legal app at once: well under any database's limit of query parameters.
NUMBERS_PER_QUERY = 500


def legal_links(page):
    """{normalised number: url} of the published legal documents that procedures cite (legal
    bases and publishing decisions), as read from the site serving the page (its own, or the
    request's for national content: portal.core.home_addresses), with that site's addresses."""
    site = serving_site(page) or owner_site(page)
    key = ("procedures", "legal-links", site.pk, *addresses_key())
    return remembered(key, lambda: _legal_links(site))


def _legal_links(site):
    numbers = set(ProcedureLegalBasis.objects.values_list("normalised_number", flat=True))
    for decision in ProcedurePage.objects.exclude(decision="").values_list("decision", flat=True):
        if match := DECISION_NUMBER.search(decision):
            numbers.add(normalise_document_number(match.group(0)))
    numbers = sorted(numbers)
    links = {}
    for start in range(0, len(numbers), NUMBERS_PER_QUERY):
        chunk = set(numbers[start : start + NUMBERS_PER_QUERY])
        for number, document in published_legal_documents(chunk, site).items():
            links[number] = document.url
    return links


def comparable_procedure_ids():
    """Ids of the national procedures at least one local implementation exists of."""

    def compute():
        national = national_site()
        if national is None:
            return frozenset()
        implemented = ProcedurePage.objects.filter(
            Exists(public_implementations().filter(procedure=OuterRef("pk")))
        )
        return frozenset(own_pages(implemented, national).values_list("pk", flat=True))

    return remembered(("procedures", "comparable"), compute)


def catalogue_link(path):
    """{"url", "title"} of the catalogue page at this tree path (a procedure's parent)."""

    def compute():
        return {
            catalogue.path: {"url": catalogue.url, "title": catalogue.title}
            for catalogue in ProcedureIndexPage.objects.all()
        }

    return remembered(("procedures", "catalogue-links"), compute).get(path)


def agency_names():
    """{agency id: {"name": name}}: the competent and receiving agencies a page names."""
    return remembered(
        ("procedures", "agency-names"),
        lambda: {pk: {"name": name} for pk, name in Agency.objects.values_list("pk", "name")},
    )


def facet_choices(catalogue, site, procedures):
    """(fields, agencies): the (slug, name) pairs of the fields and implementing agencies of
    the procedures a catalogue lists on a site, in Vietnamese alphabetical order."""

    def compute():
        return (
            _collated(Field.objects.filter(procedures__in=procedures)),
            _collated(Agency.objects.filter(implemented_procedures__in=procedures)),
        )

    return remembered(("procedures", "facets", catalogue.pk, site.pk if site else None), compute)


def _collated(terms):
    return sorted(
        terms.distinct().values_list("slug", "name"), key=lambda pair: vietnamese_sort_key(pair[1])
    )


def replacement_links():
    """{code: {"pk", "url", "code", "title"}} of the published procedures that others name as
    their replacement."""

    def compute():
        named = ProcedurePage.objects.exclude(replacement_code="").values("replacement_code")
        pages = visible(ProcedurePage.objects.filter(code__in=named))
        return {
            page.code: {"pk": page.pk, "url": page.url, "code": page.code, "title": page.title}
            for page in pages
        }

    return remembered(("procedures", "replacements", *addresses_key()), compute)
