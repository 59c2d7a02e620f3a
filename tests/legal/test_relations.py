import datetime
import re

import pytest

from portal.legal.importers import LegalImporter
from portal.legal.models import LegalDocumentPage, Validity
from portal.legal.records import LegalRecord


def relations_text(client, page):
    html = client.get(page.url).content.decode()
    section = html[
        html.index('class="legal-relations"') : html.index(
            "</section>", html.index('class="legal-relations"')
        )
    ]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section)).strip()


@pytest.mark.parametrize(
    ("relation_type", "outgoing", "incoming"),
    [
        ("replaces", "Thay thế: 45/2013/QH13", "Bị thay thế bởi: 31/2024/QH15"),
        ("amends", "Sửa đổi, bổ sung: 45/2013/QH13", "Bị sửa đổi, bổ sung bởi: 31/2024/QH15"),
        ("guides", "Hướng dẫn: 45/2013/QH13", "Được hướng dẫn bởi: 31/2024/QH15"),
        ("based_on", "Căn cứ: 45/2013/QH13", "Là căn cứ của: 31/2024/QH15"),
    ],
)
def test_a_relation_set_on_one_document_shows_on_both(
    client, make_document, relation_type, outgoing, incoming
):
    target = make_document(number="45/2013/QH13", issued=datetime.date(2013, 11, 29))
    source = make_document(
        number="31/2024/QH15",
        issued=datetime.date(2024, 1, 18),
        relations=[(relation_type, "45/2013/QH13")],
    )
    assert outgoing in relations_text(client, source)
    assert incoming in relations_text(client, target)
    html = client.get(target.url).content.decode()
    assert f'href="{source.url}"' in html


def test_a_relation_to_a_document_not_yet_in_the_portal_resolves_when_it_arrives(
    client, make_document
):
    law = make_document(
        number="28/2023/QH15",
        issued=datetime.date(2023, 11, 27),
        relations=[("replaces", "17/2012/QH13")],
    )
    html = client.get(law.url).content.decode()
    assert "Thay thế: 17/2012/QH13" in relations_text(client, law)
    assert "17-2012-qh13" not in html  # kept as plain text, no link yet

    importer = LegalImporter()
    importer.upsert(
        LegalRecord(
            kind="legal",
            number="17/2012/qh13",
            title="Luật Tài nguyên nước",
            doc_type="Luật",
            issued=datetime.date(2012, 6, 21),
        )
    )
    importer.finish()
    old = LegalDocumentPage.objects.get(normalised_number="17-2012-QH13")
    assert f'href="{old.url}"' in client.get(law.url).content.decode()
    assert "Bị thay thế bởi: 28/2023/QH15" in relations_text(client, old)
    assert old.validity == Validity.EXPIRED


def test_unpublished_documents_do_not_show_in_relations(client, make_document):
    target = make_document(number="45/2013/QH13", issued=datetime.date(2013, 11, 29))
    draft = make_document(number="31/2024/QH15", relations=[("replaces", "45/2013/QH13")])
    draft.unpublish()
    assert "31/2024/QH15" not in client.get(target.url).content.decode()


def banner(client, page):
    html = client.get(page.url).content.decode()
    if 'class="legal-validity-banner' not in html:
        return None
    start = html.index('class="legal-validity-banner')
    text = html[start : html.index("</div>", start)]
    return text, html.index("legal-validity-banner") < html.index('class="legal-summary')


def test_a_replaced_document_says_so_above_its_text_with_a_link(client, make_document):
    old = make_document(number="45/2013/QH13", issued=datetime.date(2013, 11, 29))
    new = make_document(
        number="31/2024/QH15",
        title="Luật Đất đai",
        issued=datetime.date(2024, 1, 18),
        relations=[("replaces", "45/2013/QH13")],
    )

    text, above = banner(client, old)

    assert above
    assert "Văn bản này" in text
    assert f'<a href="{new.url}">31/2024/QH15 – Luật Đất đai</a>' in text
    assert banner(client, new) is None
