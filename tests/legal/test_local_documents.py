"""Central documents are one shared library every site shows; a provincial People's
Committee's decisions belong to their site, and a number is unique per site."""

import json
from io import StringIO

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command

from portal.core.importing.runner import ImportRun
from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.models import LegalDocumentPage
from portal.legal.models.pages import LegalDocumentPageForm

HANOI = {"HTTP_HOST": "hanoi.localhost"}
DANANG = {"HTTP_HOST": "danang.localhost"}
MINISTRY = {"HTTP_HOST": "localhost"}
DECISION = "15/2025/QĐ-UBND"


@pytest.fixture
def library(index_page, local_index):
    """One central law, and a decision numbered 15/2025/QĐ-UBND in Hà Nội and in Đà Nẵng."""
    hanoi, danang = (
        local_index("hanoi.localhost", "Hà Nội"),
        local_index("danang.localhost", "Đà Nẵng"),
    )
    return {
        "law": LegalDocumentPageFactory(parent=index_page, number="31/2024/QH15", doc_type="Luật"),
        "hanoi": LegalDocumentPageFactory(
            parent=hanoi, number=DECISION, doc_type="Quyết định", title="Bảng giá đất Hà Nội"
        ),
        "danang": LegalDocumentPageFactory(
            parent=danang, number=DECISION, doc_type="Quyết định", title="Bảng giá đất Đà Nẵng"
        ),
    }


def test_the_same_local_number_exists_once_per_site(library):
    assert LegalDocumentPage.objects.filter(number=DECISION).count() == 2
    again = LegalDocumentPage(number=DECISION, title="Trùng", doc_type="Quyết định")
    again.path = library["hanoi"].get_parent().path + "0009"
    with pytest.raises(ValidationError, match="Đã có văn bản cùng số ký hiệu"):
        again.clean()


def test_a_new_document_in_the_admin_is_checked_against_its_own_site(library):
    hanoi_index = library["hanoi"].get_parent()
    form_class = LegalDocumentPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, LegalDocumentPageForm)
    data = {"title": "Quyết định khác", "slug": "khac", "number": DECISION}
    form = form_class(data=data, instance=LegalDocumentPage(), parent_page=hanoi_index)
    form.is_valid()
    assert "Đã có văn bản cùng số ký hiệu" in str(form.errors.get("number"))
    central = form_class(
        data=data, instance=LegalDocumentPage(), parent_page=library["law"].get_parent()
    )
    central.is_valid()
    assert "number" not in central.errors


def test_listing_shows_the_sites_own_decisions_and_the_central_library(client, library):
    hanoi_page = client.get("/van-ban/", **HANOI).content.decode()
    assert "Bảng giá đất Hà Nội" in hanoi_page and "31/2024/QH15" in hanoi_page
    assert "Bảng giá đất Đà Nẵng" not in hanoi_page
    ministry_page = client.get("/van-ban/", **MINISTRY).content.decode()
    assert "31/2024/QH15" in ministry_page and DECISION not in ministry_page


def test_typed_api_is_scoped_and_a_number_means_the_sites_own_document(client, library):
    def numbers(host):
        results = client.get("/api/legal/", **host).json()["results"]
        return sorted((item["number"], item["title"]) for item in results)

    assert [number for number, _ in numbers(HANOI)] == [DECISION, "31/2024/QH15"]
    assert ("15/2025/QĐ-UBND", "Bảng giá đất Đà Nẵng") in numbers(DANANG)
    assert [number for number, _ in numbers(MINISTRY)] == ["31/2024/QH15"]

    detail = client.get("/api/legal/15-2025-qd-ubnd/", **DANANG).json()
    assert detail["title"] == "Bảng giá đất Đà Nẵng"
    assert client.get("/api/legal/15-2025-qd-ubnd/", **MINISTRY).status_code == 404
    assert client.get("/api/legal/31-2024-qh15/", **HANOI).status_code == 200


def test_a_legal_line_with_a_site_is_a_local_document_of_that_site(
    home, index_page, local_index, jsonl, tmp_path
):
    local_index("hanoi.localhost", "Hà Nội")
    local_index("danang.localhost", "Đà Nẵng")
    line = {
        "kind": "legal",
        "number": DECISION,
        "title": "Quy định bảng giá đất",
        "issued": "2025-03-01",
    }
    report = ImportRun().import_files(
        [jsonl([{**line, "site": "hanoi.localhost"}, {**line, "site": "danang.localhost"}])]
    )
    assert report.ok, report.errors
    pages = LegalDocumentPage.objects.filter(number=DECISION)
    assert {page.get_site().hostname for page in pages} == {"hanoi.localhost", "danang.localhost"}

    exported = tmp_path / "legal.jsonl"
    call_command("export_content", "--kind", "legal", "-o", str(exported), stderr=StringIO())
    lines = [json.loads(text) for text in exported.read_text().splitlines()]
    assert sorted(line.get("site") for line in lines) == ["danang.localhost", "hanoi.localhost"]
    again = ImportRun().import_files([exported])
    assert again.ok and [o.value for o in again.outcomes.elements()] == ["unchanged"] * 2
    assert LegalDocumentPage.objects.count() == 2
