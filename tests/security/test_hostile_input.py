"""Hostile input to public endpoints is a 4xx with a message, never a 500. CI runs these on
PostgreSQL too (which refuses NUL in text) as well as SQLite (whose full-text syntax trips on a
stray quote)."""

import pytest
from wagtail_factories import ImageFactory

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db

NUL_ADDRESSES = [
    "/api/news/a%00b/",
    "/api/news/?tag=a%00b",
    "/api/legal/?issuer=a%00b",
    "/api/procedures/?field=a%00b",
    "/api/legal/a%00b/",
    "/api/procedures/a%00b/",
    "/tin-hoat-dong/?tag=a%00b",
    "/tin-hoat-dong/?section=a%00b&month=2024-01",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/find/?html_path=/a%00b/",
    "/api/v2/pages/?slug=a%00b",
    "/api/search/?q=a%00b",
    "/tim-kiem/?q=a%00b",
    "/a%00b/",
    "/api/news/?tag%00=a",
]

HUGE_NUMBERS = [
    "/api/v2/pages/?offset=9223372036854775808",
    "/api/v2/images/?offset=9223372036854775808",
    "/api/v2/documents/?offset=9223372036854775808",
    "/api/v2/pages/?offset=99999999999999999999999999999999",
    "/api/v2/pages/?child_of=9223372036854775808",
    "/api/v2/pages/?descendant_of=9223372036854775808",
    "/api/v2/pages/?id=9223372036854775808",
    "/api/v2/pages/9223372036854775808/",
    "/api/news/?page=9223372036854775808",
    "/api/legal/?page=99999999999999999999999",
]

SEARCH_SYNTAX = [
    "/api/v2/pages/?search=%22",
    "/api/v2/pages/?search=%22%22%22",
    "/api/v2/pages/?search=*",
    "/api/v2/pages/?search=(",
    "/api/v2/pages/?search=NEAR(a",
    "/api/v2/pages/?search=a%20AND",
    "/api/v2/pages/?search=%5E",
    "/api/v2/pages/?search=",
    "/api/v2/pages/?search=%20%20",
    "/api/v2/images/?search=%22",
    "/api/v2/documents/?search=%22",
]


@pytest.fixture
def content(home):
    section = news_section("Tin hoạt động")
    NewsPageFactory(parent=section, title="Tin thử")
    LegalDocumentPageFactory(parent=LegalDocumentIndexPageFactory(parent=home), issuer=None)
    ProcedurePageFactory()
    ImageFactory(title="Ảnh")


def assert_client_error(response):
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response.content.strip(), "a 4xx says what was wrong"
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_nul_character_is_a_400(client, content, address):
    response = client.get(address)

    assert response.status_code == 400
    assert_client_error(response)


@pytest.mark.parametrize("address", HUGE_NUMBERS)
def test_huge_numbers_answer_an_empty_page_or_a_4xx(client, content, address):
    response = client.get(address)

    if response.status_code == 200:
        assert response.json().get("items", response.json().get("results")) == []
    else:
        assert_client_error(response)


@pytest.mark.parametrize("address", SEARCH_SYNTAX)
def test_search_syntax_characters_never_break_the_pages_api(client, content, address):
    response = client.get(address)

    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 200:
        assert "items" in response.json()


def test_a_stray_quote_is_ignored_and_the_word_still_found(client, content):
    response = client.get('/api/v2/pages/?search=thử"')

    assert response.status_code == 200
    assert "Tin thử" in [item["title"] for item in response.json()["items"]]


OVERFLOWING_ADDRESSES = [
    "/hoi-dap/?year=99999999999999999999",
    "/en/questions/?year=99999999999999999999",
    "/giao-luu-truc-tuyen/9223372036854775808/tra-loi.json",
]


@pytest.fixture
def answers_section(home):
    from portal.engagement.structure import question_section

    return question_section()


@pytest.mark.parametrize("address", OVERFLOWING_ADDRESSES)
def test_numbers_too_large_for_the_database_are_not_a_500(client, answers_section, address):
    response = client.get(address)

    assert response.status_code in (200, 404) or 400 <= response.status_code < 500
    assert response.status_code != 500


SUBMISSIONS = {
    "/api/questions/": {
        "name": "Trần Thị Bình",
        "province": "Hà Nội",
        "title": "Câu hỏi",
        "text": "Nội dung câu hỏi đủ dài.",
        "consent": True,
    },
    "/api/reports/": {
        "category": "water",
        "province": "Đồng Nai",
        "address": "Bờ sông",
        "description": "Nước thải xả ra sông.",
        "consent": True,
    },
    "/api/subscriptions/": {"email": "a@example.vn", "kind": "search", "url": "/tim-kiem/?q=đất"},
}


def raw_json(body, **replace):
    """The JSON of `body` with `replace` spliced in as raw JSON text."""
    import json

    text = json.dumps(body)[:-1]
    for key, raw in replace.items():
        text += f', "{key}": {raw}'
    return text + "}"


@pytest.mark.parametrize("address", list(SUBMISSIONS))
@pytest.mark.parametrize(
    "hostile",
    [
        {"name": '"An \\ud800 Bình"'},
        {"email": '"a\\udfff@example.vn"'},
        {"text": '"\\ud800"', "description": '"\\ud800"', "url": '"/tim-kiem/?q=\\ud800"'},
        {"nested": "[" * 5000 + "]" * 5000},
    ],
    ids=["surrogate-name", "surrogate-email", "surrogate-text", "deep"],
)
def test_hostile_json_bodies_are_a_400(client, answers_section, address, hostile):
    response = client.post(
        address, raw_json(SUBMISSIONS[address], **hostile), content_type="application/json"
    )

    assert_client_error(response)


@pytest.mark.parametrize("address", list(SUBMISSIONS))
def test_the_bodies_the_hostile_ones_start_from_are_accepted(client, answers_section, address):
    response = client.post(address, SUBMISSIONS[address], content_type="application/json")

    assert response.status_code in (201, 202), response.content


def test_an_exchange_number_too_large_for_the_database_is_a_400(client, answers_section):
    body = raw_json(SUBMISSIONS["/api/questions/"], exchange="99999999999999999999999")

    response = client.post("/api/questions/", body, content_type="application/json")

    assert_client_error(response)


@pytest.mark.parametrize("address", ["/api/questions/", "/api/reports/"])
@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
def test_a_submission_in_another_body_type_is_a_415(client, answers_section, address, content_type):
    import json

    from portal.engagement.models import Question, Report

    response = client.post(address, json.dumps(SUBMISSIONS[address]), content_type=content_type)

    assert response.status_code == 415
    assert response.json()["detail"]
    assert not Question.objects.exists() and not Report.objects.exists()
