"""English queries find Vietnamese content through the editable bilingual glossary, on both
engines; Vietnamese queries are left as they were."""

import pytest

from search.analysis import analyse
from search.models import current_synonyms, forget_synonyms

from .conftest import procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedures(engine):
    # The shared cache outlives a test's rolled-back glossary rows.
    forget_synonyms()
    engine.index(
        [
            procedure("1.010727", "Cấp giấy phép môi trường cấp tỉnh", popularity=10),
            procedure("1.000070", "Cấp giấy phép khai thác nước dưới đất", popularity=400),
            procedure("1.004194", "Đăng ký tạm trú", popularity=9000),
        ]
    )
    return engine


def ids(client, text):
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200, response.content
    return [hit["id"] for hit in response.json()["results"]]


def test_environmental_permit_finds_the_environmental_permit_procedure_first(client, procedures):
    assert ids(client, "environmental permit")[0] == "1.010727"
    assert ids(client, "How do I apply for Environmental Permits?")[0] == "1.010727"
    assert ids(client, "groundwater exploitation license")[0] == "1.000070"


def test_a_term_added_in_the_admin_is_used_by_the_next_search(client, procedures, admin_client):
    assert ids(client, "stay for a few months") == []

    response = admin_client.post(
        "/admin/snippets/search/glossaryterm/add/",
        {"english": "stay for a few months", "vietnamese": "tạm trú"},
    )
    assert response.status_code == 302

    assert ids(client, "stay for a few months")[0] == "1.004194"


def test_english_filler_around_a_translated_term_matches_nothing_itself():
    query = analyse("how to get an environmental permit", current_synonyms())
    assert ("giay", "phep", "moi", "truong") in query.expansions
    assert query.content_positions() == []


def test_a_vietnamese_query_is_not_translated():
    query = analyse("giay phep moi truong cap tinh", current_synonyms())
    assert query.translated == set()
    assert len(query.content_positions()) == 6


def test_a_query_mixing_in_vietnamese_keeps_its_vietnamese_words():
    query = analyse("passport tờ khai", current_synonyms())
    assert ("ho", "chieu") in query.expansions
    assert [query.folded[i] for i in query.content_positions()] == ["to", "khai"]
