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
    document = documents_by_number({"72-2020-QH14"})["72-2020-QH14"]
    html = client.get(page.url).content.decode()
    assert f'<a href="{document.url}">72/2020/QH14</a>' in html


@pytest.mark.django_db
def test_the_publishing_decision_links_to_its_document_or_a_search_for_it(client, jsonl, home):
    line = {**LINE, "decision": "Quyết định số 1258/QĐ-BNNMT ngày 25/6/2025 của Bộ trưởng"}
    ImportRun().import_files([jsonl([line])])
    page = ProcedurePage.objects.get()

    html = client.get(page.url).content.decode()
    search = "/tim-kiem/?kind=legal&amp;q=1258%2FQ%C4%90-BNNMT"
    assert f'href="{search}">xem văn bản 1258/QĐ-BNNMT' in html

    ImportRun().import_files(
        [jsonl([{"kind": "legal", "number": "1258/QĐ-BNNMT", "title": "Quyết định công bố"}])]
    )
    from portal.legal.models import LegalDocumentPage

    document = LegalDocumentPage.objects.get()
    html = client.get(page.url).content.decode()
    assert f'href="{document.url}">xem văn bản 1258/QĐ-BNNMT' in html


def test_a_local_procedure_links_to_its_own_provinces_decision_of_a_shared_number(
    client, jsonl, hanoi, danang
):
    from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory

    for site, title in ((hanoi, "Quyết định của Hà Nội"), (danang, "Quyết định của Đà Nẵng")):
        index = LegalDocumentIndexPageFactory(parent=site.root_page)
        LegalDocumentPageFactory(parent=index, number="15/2025/QĐ-UBND", title=title)
    line = {
        **LINE,
        "code": "2.002101",
        "site": "danang.localhost",
        "local_only": True,
        "legal_bases": ["15/2025/QĐ-UBND"],
    }
    report = ImportRun().import_files([jsonl([line])])
    assert report.ok, report.errors
    page = ProcedurePage.objects.get(code="2.002101")
    html = client.get(page.url, HTTP_HOST="danang.localhost").content.decode()
    basis = html.split('id="can-cu"')[1].split("</section>")[0]
    assert "http://danang.localhost/van-ban/" in basis
    assert "hanoi.localhost" not in basis
