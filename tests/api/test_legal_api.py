import datetime

import pytest

from portal.core.factories import AgencyFactory, FieldFactory
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.models import LegalArticle, LegalRelation

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_document(home):
    index = LegalDocumentIndexPageFactory(parent=home)

    def make(fields=(), **attributes):
        page = LegalDocumentPageFactory(parent=index, **attributes)
        page.fields.set(fields)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def documents(make_document):
    ministry = AgencyFactory(name="Bộ Tài nguyên và Môi trường")
    assembly = AgencyFactory(name="Quốc hội")
    land = FieldFactory(name="Đất đai")
    return [
        make_document(
            number="31/2024/QH15",
            title="Luật Đất đai",
            doc_type="Luật",
            issuer=assembly,
            issued=datetime.date(2024, 1, 18),
            effective=datetime.date(2024, 8, 1),
            fields=[land],
        ),
        make_document(
            number="2499/QĐ-BTNMT",
            title="Quyết định công bố thủ tục",
            doc_type="Quyết định",
            issuer=ministry,
            issued=datetime.date(2023, 9, 5),
            effective=datetime.date(2023, 9, 5),
        ),
        make_document(
            number="45/2013/QH13",
            title="Luật Đất đai 2013",
            doc_type="Luật",
            issuer=assembly,
            issued=datetime.date(2013, 11, 29),
            effective=datetime.date(2014, 7, 1),
            expires=datetime.date(2024, 7, 31),
            fields=[land],
        ),
    ]


def numbers(client, **query):
    response = client.get("/api/legal/", query)
    assert response.status_code == 200, response.content
    return [item["number"] for item in response.json()["results"]]


def test_legal_lists_newest_first_with_natural_key(client, documents):
    assert numbers(client) == ["31/2024/QH15", "2499/QĐ-BTNMT", "45/2013/QH13"]


def test_legal_filters(client, documents):
    assert numbers(client, doc_type="Luật") == ["31/2024/QH15", "45/2013/QH13"]
    assert numbers(client, type="Quyết định") == ["2499/QĐ-BTNMT"]
    assert numbers(client, issuer="quoc-hoi", field="dat-dai") == ["31/2024/QH15", "45/2013/QH13"]
    assert numbers(client, status="expired") == ["45/2013/QH13"]
    assert numbers(client, validity="in_force") == ["31/2024/QH15", "2499/QĐ-BTNMT"]
    assert numbers(client, year=2023) == ["2499/QĐ-BTNMT"]
    assert numbers(client, issued_from="2023-01-01", issued_to="2023-12-31") == ["2499/QĐ-BTNMT"]
    assert numbers(client, order="issued") == ["45/2013/QH13", "2499/QĐ-BTNMT", "31/2024/QH15"]


@pytest.mark.parametrize(
    "spelling", ["2499/QĐ-BTNMT", "2499/qd-btnmt", "2499-QD-BTNMT", "2499 QĐ BTNMT"]
)
def test_legal_detail_resolves_any_spelling(client, documents, spelling):
    response = client.get(f"/api/legal/{spelling}/")

    assert response.status_code == 200
    assert response.json()["number"] == "2499/QĐ-BTNMT"


def test_legal_detail_has_articles_and_relations_both_ways(client, documents):
    new, _, old = documents
    LegalArticle.objects.create(document=new, number="1", title="Phạm vi điều chỉnh", text="…")
    LegalRelation.objects.create(page=new, relation_type="replaces", target_number="45/2013/QH13")

    new_data = client.get("/api/legal/31/2024/QH15/").json()
    old_data = client.get("/api/legal/45-2013-qh13/").json()

    assert new_data["articles"] == [
        {"number": "1", "title": "Phạm vi điều chỉnh", "text": "…", "anchor": "dieu-1"}
    ]
    assert new_data["relations"][0]["api_url"] == "/api/legal/45-2013-QH13/"
    assert old_data["relations"][0]["type"] == "inverse_replaces"
    assert old_data["relations"][0]["number"] == "31/2024/QH15"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"doc_type": "Sắc lệnh"}, "doc_type"),
        ({"issuer": "khong-co"}, "issuer"),
        ({"status": "forever"}, "status"),
        ({"issued_from": "2023-13-45"}, "issued_from"),
        ({"issued_from": "2024-01-01", "issued_to": "2023-01-01"}, "issued_from"),
        ({"year": "hai nghìn"}, "year"),
        ({"page_size": 500}, "page_size"),
    ],
)
def test_legal_bad_filters_are_400_naming_the_parameter(client, documents, query, field):
    response = client.get("/api/legal/", query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_unknown_number_is_404(client, documents):
    response = client.get("/api/legal/99/2099/QH99/")

    assert response.status_code == 404
    assert "99/2099/QH99" in response.json()["detail"]


def test_change_feed_lists_documents_newest_change_first(client, documents):
    amended = documents[2]
    amended.validity_note = "Bị thay thế bởi Luật Đất đai 2024"
    amended.save_revision().publish()

    response = client.get("/api/feeds/legal/")

    assert response["Content-Type"].startswith("application/atom+xml")
    entries = response.content.decode().split("<entry>")[1:]
    assert "45/2013/QH13" in entries[0]
    assert len(entries) == 3
