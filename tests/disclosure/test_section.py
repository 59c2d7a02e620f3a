"""Every site has a section on access to information (Law 104/2016/QH13 Art. 19(1)(g)): the
list of what must be disclosed, each item linked to where this site publishes it, computed from
the content, and the items it has not published marked missing."""

import re

import pytest

from django.utils.timezone import localtime

pytestmark = pytest.mark.django_db

SECTION = "/tiep-can-thong-tin/"


def row(html, key):
    found = re.search(rf'<tr id="{key}">(.*?)</tr>', html, re.S)
    assert found, key
    return found.group(1)


def link(cells):
    found = re.search(r'<a href="([^"]+)">', cells)
    return found and found.group(1)


def test_the_section_links_each_published_item_to_its_content_and_marks_the_rest_missing(
    client, document
):
    html = client.get(SECTION).content.decode()

    legal = row(html, "legal_documents")
    assert "Luật 104/2016/QH13 Điều 17(1)(a)" in legal
    listing = client.get(link(legal))
    assert listing.status_code == 200
    assert "Nghị định quy định chi tiết Luật Bảo vệ môi trường" in listing.content.decode()
    assert f"{localtime(document.last_published_at):%d/%m/%Y}" in legal
    assert "Chưa công bố" in row(html, "budget") and link(row(html, "budget")) is None
    assert 'id="province"' not in html  # a province's own item, not the ministry's

    listed = {item["key"]: item for item in client.get("/api/disclosures/").json()}
    assert listed["legal_documents"]["published"] is True
    assert listed["legal_documents"]["url"].endswith(link(legal))
    assert listed["budget"] == {**listed["budget"], "published": False, "url": None}


def test_an_item_whose_last_page_is_unpublished_becomes_missing(client, document):
    assert link(row(client.get(SECTION).content.decode(), "legal_documents"))

    document.unpublish()

    legal = row(client.get(SECTION).content.decode(), "legal_documents")
    assert link(legal) is None and "Chưa công bố" in legal


def test_a_provincial_site_lists_the_province_items_and_its_own_contact_point(
    client, make_agency_site
):
    make_agency_site("hanoi.localhost", "Hà Nội", hotline="024 3825 6789")

    html = client.get(SECTION, HTTP_HOST="hanoi.localhost").content.decode()

    assert "Chưa công bố" in row(html, "province")
    assert "Sở Nông nghiệp và Môi trường Hà Nội" in html.split('id="dau-moi"', 1)[1]
    assert "024 3825 6789" in html.split('id="dau-moi"', 1)[1]
    assert link(row(html, "contacts")) == "/tiep-can-thong-tin/#dau-moi"


def test_every_page_leads_to_the_section_from_its_footer(client, document):
    for path in ["/", document.url, "/khong-co-trang-nay/"]:
        footer = client.get(path).content.decode().split('class="site-footer"', 1)[1]
        assert f'<a href="{SECTION}">Tiếp cận thông tin</a>' in footer, path


def test_the_english_section_is_at_access_to_information_and_the_footer_links_it(client, home):
    response = client.get("/en/access-to-information/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Access to information</h1>" in html
    assert 'href="/en/access-to-information/"' in html
