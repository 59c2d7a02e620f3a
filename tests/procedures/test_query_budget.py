"""Query budgets of the procedure pages: the detail page (and its print view), the comparison
across provinces and the catalogue cost the same number of queries whatever the size of the
dossier, the number of legal bases, local implementations or procedures listed."""

import pytest

from portal.core.factories import AgencyFactory, FieldFactory
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import (
    DossierItem,
    LocalForm,
    LocalImplementation,
    ProcedureChannel,
    ProcedureLegalBasis,
    ProcedureStep,
)

from .test_local import CATALOGUE

# The budget for a procedure page and a listing, chrome (site, menus, breadcrumbs,
# alternates, settings) included.
BUDGET = 10
HANOI = "hanoi.localhost"


@pytest.fixture
def legal_documents(home):
    index = LegalDocumentIndexPageFactory(parent=home)
    return [LegalDocumentPageFactory(parent=index) for _ in range(6)]


@pytest.fixture
def build_procedure(catalogue, form_document, legal_documents):
    """A national procedure with `size` steps, channels, dossier items (a third with an uploaded
    form, a third naming a form file that is resolved when shown, some of them never uploaded)
    and legal bases (published documents and unknown numbers)."""
    uploaded = form_document("mau-01.docx")
    form_document("mau-late.pdf")  # uploaded after the import that named it

    def build(code, size):
        fields = FieldFactory.create_batch(2)
        agencies = AgencyFactory.create_batch(2)
        page = ProcedurePageFactory(
            code=code,
            levels=["central"],  # compared only where a province implements it
            competent_agency=AgencyFactory(),
            receiving_agency=AgencyFactory(),
            decision=f"Quyết định số {legal_documents[0].number} ngày 25/6/2025",
            status="amended",
            replacement_code="9.999999",
        )
        page.procedure_fields = fields
        page.implementing_agencies = agencies
        page.steps = [ProcedureStep(text=f"Bước {n}") for n in range(size)]
        page.channels = [
            ProcedureChannel(method="direct", processing_time=f"{n} ngày") for n in range(size)
        ]
        page.dossier_items = [
            DossierItem(
                name=f"Giấy tờ {n}",
                case=f"Trường hợp {n % 3}",
                form=uploaded if n % 3 == 2 else None,
                form_filename=["mau-late.pdf", f"chua-co-{n}.docx", ""][n % 3],
            )
            for n in range(size)
        ]
        page.legal_bases = [
            ProcedureLegalBasis(number=document.number) for document in legal_documents[:size]
        ] + [ProcedureLegalBasis(number=f"{n}/2020/QH14") for n in range(size)]
        page.save_revision().publish()
        return page

    return build


@pytest.fixture
def procedures(build_procedure):
    """(small, large): one dossier item against forty."""
    return build_procedure("1.000001", 1), build_procedure("1.000040", 40)


def implement(procedure, sites, form):
    for site in sites:
        local = LocalImplementation.objects.create(
            site=site, procedure=procedure, implementing_agency=AgencyFactory(), fees="1 đồng"
        )
        local.local_forms = [LocalForm(title="Mẫu địa phương", document=form)]
        local.save()


@pytest.fixture
def provinces(provincial_site, procedures, form_document):
    """Local implementations: the small procedure in one province, the large one in three."""
    form = form_document("mau-dia-phuong.docx")
    sites = [
        provincial_site(HANOI, "Hà Nội"),
        provincial_site("danang.localhost", "Đà Nẵng"),
        provincial_site("hue.localhost", "Huế"),
    ]
    small, large = procedures
    implement(small, sites[:1], form)
    implement(large, sites, form)
    return sites


def both(page_queries, small_url, large_url):
    """Queries of each page, each measured after the other warmed the shared caches."""
    _response, small = page_queries(small_url, warm_up=large_url)
    response, large = page_queries(large_url, warm_up=small_url)
    print(f"\n{large_url}: {len(small)} queries (small), {len(large)} (large)")
    return response, small, large


def detail_url(page, suffix=""):
    return f"{CATALOGUE}{page.slug}/{suffix}"


@pytest.mark.parametrize("suffix", ["", "?print=1", "so-sanh/"])
def test_a_procedure_page_costs_the_same_whatever_its_dossier(
    page_queries, procedures, provinces, suffix
):
    small, large = procedures
    response, few, many = both(page_queries, detail_url(small, suffix), detail_url(large, suffix))
    assert len(few) == len(many), "\n".join(many)
    assert "Giấy tờ 39" in response.content.decode() or suffix == "so-sanh/"


def test_a_provincial_site_serves_a_national_procedure_at_the_same_cost(
    client, page_queries, procedures, provinces
):
    client.defaults["HTTP_HOST"] = HANOI
    small, large = procedures
    response, few, many = both(page_queries, detail_url(small), detail_url(large))
    assert len(few) == len(many), "\n".join(many)
    assert "Mẫu địa phương" in response.content.decode()


def test_the_dossier_forms_resolve_in_one_query(page_queries, procedures):
    _small, large = procedures
    response, queries = page_queries(detail_url(large), warm_up=detail_url(_small))
    html = response.content.decode()
    assert html.count('class="procedure-form-download"') == 27  # 13 uploaded, 14 found by name
    assert "chua-co-1.docx" in html
    assert sum("wagtaildocs_document" in sql for sql in queries) <= 2, "\n".join(queries)


def test_the_catalogue_costs_the_same_whatever_it_lists(page_queries, build_procedure, home):
    for n in range(5):
        build_procedure(f"2.{n:06d}", 2)
    _response, few = page_queries(CATALOGUE, warm_up=f"{CATALOGUE}?page=2")
    for n in range(5, 60):
        build_procedure(f"2.{n:06d}", 2)
    response, many = page_queries(CATALOGUE, warm_up=f"{CATALOGUE}?page=2")
    print(f"\n{CATALOGUE}: {len(few)} queries (5 procedures), {len(many)} (60)")
    assert len(few) == len(many), "\n".join(many)
    assert "60 thủ tục" in response.content.decode()


def test_a_provincial_catalogue_costs_the_same_whatever_it_lists(
    client, page_queries, provincial_site
):
    """National procedures of the levels the province implements, some with local details."""
    hanoi = provincial_site(HANOI, "Hà Nội")
    client.defaults["HTTP_HOST"] = HANOI

    def add(numbers):
        for n in numbers:
            page = ProcedurePageFactory(code=f"3.{n:06d}", levels=["province"])
            if n % 2:
                LocalImplementation.objects.create(site=hanoi, procedure=page, fees="1 đồng")

    add(range(5))
    _response, few = page_queries(CATALOGUE, warm_up=f"{CATALOGUE}?page=2")
    add(range(5, 60))
    response, many = page_queries(CATALOGUE, warm_up=f"{CATALOGUE}?page=2")
    print(f"\n{HANOI}{CATALOGUE}: {len(few)} queries (5 procedures), {len(many)} (60)")
    assert len(few) == len(many), "\n".join(many)
    assert "60 thủ tục" in response.content.decode()


def test_a_procedure_page_is_within_the_budget(page_queries, procedures, provinces):
    small, large = procedures
    for suffix in ("", "?print=1", "so-sanh/"):
        _response, queries = page_queries(detail_url(large, suffix), warm_up=detail_url(small))
        assert len(queries) <= BUDGET, "\n".join(queries)


def test_the_catalogue_is_within_the_budget(page_queries, build_procedure):
    for n in range(60):
        build_procedure(f"2.{n:06d}", 2)
    _response, queries = page_queries(CATALOGUE, warm_up=f"{CATALOGUE}?page=2")
    assert len(queries) <= BUDGET, "\n".join(queries)
