"""The values procedure pages share (portal/procedures/shared.py) are remembered until content
changes: the next request after a publication shows it."""

from portal.core import publishing
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import LocalImplementation, ProcedureLegalBasis

from .test_local import CATALOGUE


def html_of(client, page):
    response = client.get(f"{CATALOGUE}{page.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_legal_basis_links_on_the_next_request_after_its_document_is_published(
    client, content_cache, catalogue, home
):
    procedure = ProcedurePageFactory()
    procedure.legal_bases = [ProcedureLegalBasis(number="15/2024/TT-BTNMT")]
    procedure.save_revision().publish()
    assert 'class="legal-basis-search"' in html_of(client, procedure)

    index = LegalDocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=index, number="15/2024/TT-BTNMT", live=False)
    document.save_revision().publish()

    html = html_of(client, procedure)
    assert 'class="legal-basis-search"' not in html
    assert f'<a href="{document.url}">15/2024/TT-BTNMT</a>' in html


def test_a_replacement_links_once_it_is_published(client, content_cache, catalogue):
    abolished = ProcedurePageFactory(status="abolished", replacement_code="1.999999")
    assert "Thủ tục thay thế: mã 1.999999" in html_of(client, abolished)

    replacement = ProcedurePageFactory(code="1.999999", name="Thủ tục mới")
    assert f'<a href="{replacement.url}">1.999999 – Thủ tục mới</a>' in html_of(client, abolished)


def test_the_comparison_link_appears_with_the_first_local_implementation(
    client, content_cache, hanoi, national_procedure
):
    assert "procedure-comparison-link" not in html_of(client, national_procedure)
    # Published as an import or a board's approval publishes it (a draft changes nothing).
    local = LocalImplementation(site=hanoi, procedure=national_procedure)
    publishing.publish_object(local, created=True, site_id=hanoi.pk)
    assert "procedure-comparison-link" in html_of(client, national_procedure)
