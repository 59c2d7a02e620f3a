import pytest

from portal.core.importing.runner import ImportRun
from portal.legal.interface import documents_by_number
from portal.procedures.models import ProcedurePage

LINE = {
    "kind": "procedure",
    "code": "1.010727",
    "name": "Cấp giấy phép môi trường",
    "legal_bases": ["72/2020/QH14"],
}


@pytest.mark.django_db
def test_a_legal_basis_is_plain_text_until_the_document_is_in_the_portal(client, jsonl, home):
    ImportRun().import_files([jsonl([LINE])])
    html = client.get(ProcedurePage.objects.get().url).content.decode()
    basis = html.split('id="can-cu"')[1].split("</section>")[0]
    assert "<li>72/2020/QH14</li>" in basis


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
    document = documents_by_number({"72-2020-QH14"})["72-2020-QH14"]
    html = client.get(page.url).content.decode()
    assert f'<a href="{document.url}">72/2020/QH14</a>' in html
