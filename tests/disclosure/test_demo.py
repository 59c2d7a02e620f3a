"""The demo shows what the law asks for: a maintenance banner on every page, a correction
notice at the top of a legal document, and a disclosure section with some items filled from
the "công khai" collection and others still missing."""

import re

import pytest

from portal.changes import demo as changes_demo
from portal.disclosure import demo as disclosure_demo
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.notices import demo as notices_demo

pytestmark = pytest.mark.django_db


def row(html, key):
    return re.search(rf'<tr id="{key}">(.*?)</tr>', html, re.S).group(1)


def test_the_demo_has_a_maintenance_banner_a_correction_and_disclosure_gaps(
    client, home, make_agency_site
):
    make_agency_site("hanoi.localhost", "Hà Nội")
    document = LegalDocumentPageFactory(parent=LegalDocumentIndexPageFactory(parent=home))
    document.save_revision().publish()

    for demo in (notices_demo, changes_demo, disclosure_demo):
        demo.load()

    page = client.get(document.url).content.decode()
    assert 'class="maintenance-notice"' in page
    assert changes_demo.NOTE in page.split('class="correction-notice"')[1].split("</section>")[0]
    section = client.get("/tiep-can-thong-tin/").content.decode()
    assert "Chưa công bố" not in row(section, "budget")
    assert "Chưa công bố" in row(section, "aid")
    hanoi = client.get("/tiep-can-thong-tin/", HTTP_HOST="hanoi.localhost").content.decode()
    assert "Chưa công bố" not in row(hanoi, "plans")
    assert 'class="maintenance-notice"' in hanoi
