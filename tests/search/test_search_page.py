"""The public search page: result cards that say what each hit is, removable filter chips,
empty facet groups left out, a page for no result and a plain word when a number looked up
matches no document."""

import datetime
import re

import pytest

from .conftest import legal, procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(engine, home):
    engine.index(
        [
            procedure(
                "1.004194",
                "Cấp giấy phép khai thác nước dưới đất",
                facets={
                    "field": [("tai-nguyen-nuoc", "Tài nguyên nước")],
                    "agency": [("so-nnmt", "Sở Nông nghiệp và Môi trường")],
                    "status": [("abolished", "Đã bị bãi bỏ")],
                    "level": [("province", "Cấp tỉnh")],
                },
            ),
            legal(
                "17/2023/QH15",
                "Luật Tài nguyên nước",
                date=datetime.date(2023, 11, 27),
                facets={
                    "doc_type": [("Luật", "Luật")],
                    "issuer": [("quoc-hoi", "Quốc hội")],
                    "validity": [("in_force", "Còn hiệu lực")],
                },
            ),
            legal(
                "2599/QĐ-BNNMT",
                "Quyết định công bố thủ tục hành chính lĩnh vực tài nguyên nước",
                date=datetime.date(2025, 7, 2),
                facets={"doc_type": [("Quyết định", "Quyết định")]},
            ),
        ]
    )
    return engine


def hits(html):
    return re.findall(r'<li class="search-hit[^"]*">(.*?)</li>', html, re.S)


def text(fragment):
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_cards_say_type_status_agency_and_a_localised_date(client, indexed):
    html = client.get("/tim-kiem/", {"q": "nước"}).content.decode()

    cards = {text(hit).split(" ")[0]: hit for hit in hits(html)}
    law = next(hit for hit in hits(html) if "17/2023/QH15" in hit)
    assert "Luật" in text(law).split("Còn hiệu lực")[0]
    assert 'class="badge badge--ok"' in law and "Còn hiệu lực" in law
    assert "Quốc hội" in law
    assert '<time datetime="2023-11-27">27/11/2023</time>' in law

    licence = next(hit for hit in hits(html) if "1.004194" in hit)
    assert "Thủ tục hành chính" in text(licence)
    assert 'class="badge badge--bad"' in licence and "Đã bị bãi bỏ" in licence
    assert "Sở Nông nghiệp và Môi trường" in licence
    # No separator dangles where a part is missing.
    assert not re.search(r"·\s*</p>", licence)
    assert cards


def test_results_come_before_the_filters(client, indexed):
    html = client.get("/tim-kiem/", {"q": "nước"}).content.decode()

    assert html.index('class="results search-results"') < html.index('id="search-filters"')
    assert "data-filters-toggle" in html and "Bộ lọc" in html


def test_active_filters_are_chips_that_remove_them(client, indexed):
    html = client.get(
        "/tim-kiem/", {"q": "nước", "field": "tai-nguyen-nuoc", "kind": "procedure"}
    ).content.decode()

    chips = dict(
        (text(label), href.replace("&amp;", "&"))
        for href, label in re.findall(r'<a class="chip" href="([^"]+)">(.*?)</a>', html, re.S)
    )
    assert set(chips) == {"Bỏ lọc: Tài nguyên nước ×", "Bỏ lọc: Thủ tục hành chính ×"}
    removed = chips["Bỏ lọc: Tài nguyên nước ×"]
    assert "field=" not in removed.replace("field=&", "").rstrip("field=")
    assert "kind=procedure" in removed
    assert client.get("/tim-kiem/" + removed).status_code == 200


def test_facet_groups_with_nothing_to_choose_are_left_out(client, indexed):
    html = client.get("/tim-kiem/", {"q": "nước"}).content.decode()

    assert 'aria-controls="facet-field"' in html
    # No hit has a news section or a tag: those groups are not shown at all.
    assert 'aria-controls="facet-section"' not in html
    assert 'aria-controls="facet-tag"' not in html


def test_no_result_page_offers_spelling_tips_and_the_catalogues(client, indexed):
    from portal.procedures.factories import procedure_catalogue

    catalogue = procedure_catalogue()

    response = client.get("/tim-kiem/", {"q": "xyzabc qwerty"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Không tìm thấy kết quả phù hợp" in html
    assert "gõ không dấu" in html
    assert f'href="{catalogue.url}"' in html


def test_a_number_that_matches_no_document_is_said_plainly(client, indexed):
    html = client.get("/tim-kiem/", {"q": "qđ 2598"}).content.decode()

    assert "Không có văn bản nào mang số 2598." in html


def test_a_number_that_matches_a_document_says_nothing_of_the_kind(client, indexed):
    html = client.get("/tim-kiem/", {"q": "qđ 2599"}).content.decode()

    assert "Không có văn bản nào mang số" not in html
    assert "2599/QĐ-BNNMT" in hits(html)[0]


def test_words_without_a_number_never_get_the_number_message(client, indexed):
    html = client.get("/tim-kiem/", {"q": "luật tài nguyên nước 2023"}).content.decode()

    assert "Không có văn bản nào mang số" not in html


def test_english_page_translates_the_card_types(client, indexed, english_home):
    html = client.get("/en/search/", {"q": "nước"}).content.decode()

    licence = next(hit for hit in hits(html) if "1.004194" in hit)
    assert "Administrative procedure" in text(licence)
    assert '<span class="badge badge--bad">Abolished</span>' in licence
    # A name with no English on record stays Vietnamese, marked as such.
    assert '<span lang="vi">Sở Nông nghiệp và Môi trường</span>' in licence


def test_english_page_gives_facets_in_english_where_the_taxonomy_has_it(client, indexed):
    from portal.core.factories import FieldFactory

    FieldFactory(name="Tài nguyên nước", slug="tai-nguyen-nuoc", name_en="Water resources")

    html = client.get("/en/search/", {"q": "nước"}).content.decode()

    fields = html.split('id="facet-field"')[1].split("</div>")[0]
    assert "Water resources" in fields and 'lang="vi"' not in fields
    levels = html.split('id="facet-level"')[1].split("</div>")[0]
    assert "Province level" in levels
