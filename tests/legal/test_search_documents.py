import datetime

import pytest

from portal.core.factories import AgencyFactory, FieldFactory
from portal.legal.models import LegalArticle


@pytest.fixture
def law(make_document):
    page = make_document(
        number="31/2024/QH15",
        title="Luật Đất đai",
        doc_type="Luật",
        abstract="Luật quy định về chế độ sở hữu đất đai.",
        issuer=AgencyFactory(name="Quốc hội"),
        issued=datetime.date(2024, 1, 18),
        fields=[FieldFactory(name="Đất đai")],
    )
    for position, (number, title) in enumerate([("1", "Phạm vi điều chỉnh"), ("12", "")]):
        LegalArticle.objects.create(
            document=page, position=position, number=number, title=title, text=f"Nội dung {number}"
        )
    return page


def test_one_entry_for_the_document(law):
    entry = law.search_documents()[0]
    assert (entry.kind, entry.id, entry.article) == ("legal", "31/2024/QH15", None)
    assert entry.url == "/van-ban/31-2024-qh15/"
    assert entry.identifiers == ["31/2024/QH15"]
    assert entry.date == datetime.date(2024, 1, 18)
    assert "chế độ sở hữu" in entry.body
    assert entry.facets == {
        "doc_type": [("Luật", "Luật")],
        "issuer": [("quoc-hoi", "Quốc hội")],
        "field": [("dat-dai", "Đất đai")],
        "validity": [("in_force", "Còn hiệu lực")],
        "year": [("2024", "2024")],
    }
    assert entry.in_force and entry.page_id == law.pk and entry.language == "vi"


def test_one_entry_per_article_pointing_at_its_anchor(law):
    articles = law.search_documents()[1:]
    assert [(a.article, a.title, a.url) for a in articles] == [
        ("1", "Điều 1. Phạm vi điều chỉnh — Luật Đất đai", "/van-ban/31-2024-qh15/#dieu-1"),
        ("12", "Điều 12 — Luật Đất đai", "/van-ban/31-2024-qh15/#dieu-12"),
    ]
    assert articles[1].body == "Nội dung 12"
    assert {a.key for a in law.search_documents()} == {
        "legal:vi:31/2024/QH15",
        "legal:vi:31/2024/QH15#1",
        "legal:vi:31/2024/QH15#12",
    }


def test_expired_documents_are_not_in_force(make_document):
    page = make_document(issued=datetime.date(2010, 1, 1), expires=datetime.date(2015, 1, 1))
    assert not page.search_documents()[0].in_force


def test_article_anchors_exist_on_the_page(client, law):
    html = client.get(law.url).content.decode()
    assert 'id="dieu-1"' in html and 'href="#dieu-12"' in html
