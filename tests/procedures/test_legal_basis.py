import pytest

from portal.core.importing.runner import ImportRun
from portal.procedures.models import ProcedurePage
from portal.procedures.models.pages import legal_document_model

LINE = {
    "kind": "procedure",
    "code": "1.010727",
    "name": "Cấp giấy phép môi trường",
    "legal_bases": ["72/2020/QH14"],
}


@pytest.mark.django_db
def test_a_legal_basis_links_to_a_search_for_its_number_until_the_document_is_in_the_portal(
    client, jsonl, home
):
    ImportRun().import_files([jsonl([LINE])])
    html = client.get(ProcedurePage.objects.get().url).content.decode()
    basis = html.split('id="can-cu"')[1].split("</section>")[0]
    assert (
        '<a class="legal-basis-search" href="/tim-kiem/?kind=legal&amp;q=72/2020/QH14">'
        "72/2020/QH14</a>" in basis
    )


@pytest.mark.django_db
def test_a_legal_basis_becomes_a_link_when_the_document_arrives_later(client, jsonl, home):
    ImportRun().import_files([jsonl([LINE])])
    page = ProcedurePage.objects.get()

    report = ImportRun().import_files(
        [
            jsonl(
                [
                    {
                        "kind": "legal",
                        "number": "72/2020/QH14",
                        "title": "Luật Bảo vệ môi trường",
                        "doc_type": "Luật",
                    }
                ]
            )
        ]
    )

    assert report.ok, report.errors
    document = legal_document_model().objects.get(normalised_number="72-2020-QH14")
    html = client.get(page.url).content.decode()
    assert f'<a href="{document.url}">72/2020/QH14</a>' in html
