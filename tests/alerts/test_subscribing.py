"""Subscribing: double opt-in by a signed link, nothing stored or sent for bad input (invalid
email, a filter that does not exist, a forged or expired link, a flood), the same through
`POST /api/subscriptions/`, a manage page without login, and "theo dõi tìm kiếm này"."""

import datetime
import html
import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from django.core import signing
from django.core.cache import cache

from portal.alerts.following import matches, target_from
from portal.alerts.models import Subscriber, Subscription
from portal.core.factories import AgencyFactory
from portal.legal.factories import LegalDocumentPageFactory
from search.collect import documents_of_pages

EMAIL = "nguoi-dan@example.vn"


@pytest.fixture
def documents(legal_index, committed):
    with committed():
        issuer = AgencyFactory(name="Bộ Tài nguyên và Môi trường", slug="bo-tnmt")
        page = LegalDocumentPageFactory(
            parent=legal_index, issuer=issuer, doc_type="Thông tư", live=False
        )
        page.save_revision().publish()
    return page


def confirm_link(inbox):
    [message] = inbox.messages
    [link] = inbox.links(message, "/theo-doi/xac-nhan/")
    return link


def nothing_stored_or_sent(inbox):
    return not Subscriber.objects.exists() and inbox.messages == []


def test_nothing_is_stored_before_the_link_is_clicked_and_clicking_twice_stores_once(
    inbox, client, documents
):
    response = client.post(
        "/theo-doi/",
        {"email": EMAIL, "kind": "legal", "filter_issuer": "bo-tnmt", "frequency": "weekly"},
    )

    assert response.status_code == 200 and EMAIL in response.content.decode()
    assert not Subscriber.objects.exists()
    link = confirm_link(inbox)
    assert client.get(link).status_code == 200
    assert client.get(link).status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.subscriber.email, subscription.frequency) == (EMAIL, "weekly")
    assert "Bộ Tài nguyên và Môi trường" in subscription.label


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"email": "khong-phai-email", "kind": "legal"}, "Nhập một địa chỉ email hợp lệ"),
        ({"email": EMAIL, "kind": "legal", "filter_issuer": "khong-co"}, "Không có issuer"),
        ({"email": EMAIL, "kind": "legal", "filter_color": "do"}, "Không có bộ lọc color"),
        ({"email": EMAIL, "kind": "section", "section": "khong-co"}, "Không có section"),
        ({"email": EMAIL, "kind": "search", "url": "/tim-kiem/?mau=do"}, "bộ lọc tìm kiếm mau"),
        ({"email": EMAIL, "kind": "search", "url": "https://evil.example/"}, "trang tìm kiếm"),
        ({"email": EMAIL, "kind": "page", "page": "999999"}, "Chỉ theo dõi được một thủ tục"),
        ({"email": EMAIL, "kind": "everything"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored_or_sent(
    inbox, client, documents, fields, message
):
    response = client.post("/theo-doi/", {"frequency": "immediate", **fields})

    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert nothing_stored_or_sent(inbox)


def test_a_forged_or_expired_confirmation_link_stores_nothing(
    inbox, client, documents, monkeypatch
):
    client.post("/theo-doi/", {"email": EMAIL, "kind": "page", "page": documents.pk})
    link = confirm_link(inbox)
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, signing.dumps({"e": "ke-gia@example.vn"}, salt="khac"))

    assert client.get(forged).status_code == 400
    eight_days_later = time.time() + datetime.timedelta(days=8).total_seconds()
    with monkeypatch.context() as later:
        later.setattr(signing.time, "time", lambda: eight_days_later)
        response = client.get(link)
    assert response.status_code == 400 and "hết hạn" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_flood_for_one_address_is_refused_before_any_email(inbox, client, documents, settings):
    settings.ALERTS_SUBSCRIBE_RATE = "3/h"
    cache.clear()  # counts of the tests before
    statuses = [
        client.post(
            "/theo-doi/", {"email": EMAIL, "kind": "page", "page": documents.pk}
        ).status_code
        for _ in range(5)
    ]

    assert statuses == [200, 200, 200, 429, 429]
    assert len(inbox.messages) == 3 and not Subscriber.objects.exists()


def test_the_api_sends_a_confirmation_and_answers_errors_in_the_api_shape(inbox, client, documents):
    accepted = client.post(
        "/api/subscriptions/",
        {"email": EMAIL, "kind": "legal", "filters": {"doc_type": ["Thông tư"]}},
        content_type="application/json",
    )
    bad = client.post(
        "/api/subscriptions/",
        {"email": "sai", "kind": "legal", "filters": {"mau": ["do"]}},
        content_type="application/json",
    )

    assert accepted.status_code == 202 and len(inbox.messages) == 1
    assert bad.status_code == 400
    assert {error["field"] for error in bad.json()["errors"]} == {"email", "mau"}
    assert not Subscriber.objects.exists()
    schema = client.get("/api/schema/").json()
    assert "202" in schema["paths"]["/api/subscriptions/"]["post"]["responses"]


def test_the_manage_page_changes_frequency_and_ends_a_subscription_without_login(
    inbox, client, documents
):
    client.post("/theo-doi/", {"email": EMAIL, "kind": "page", "page": documents.pk})
    client.get(confirm_link(inbox))
    subscription = Subscription.objects.get()
    from portal.alerts.subscribing import link, manage_token

    manage = link("manage", manage_token(subscription.subscriber))
    assert documents.title in client.get(manage).content.decode()

    client.post(manage, {"subscription": subscription.pk, "frequency": "daily"})
    assert Subscription.objects.get().frequency == "daily"
    client.post(manage, {"subscription": subscription.pk, "action": "delete"})
    assert not Subscriber.objects.exists()
    assert client.get(manage[:-6] + "xxxxx/").status_code == 400


def test_a_search_page_offers_to_follow_that_search(inbox, client, documents):
    page = client.get("/tim-kiem/", {"q": "thông tư", "issuer": "bo-tnmt"}).content.decode()
    follow = html.unescape(page.split('class="search-follow" href="')[1].split('"')[0])
    form = client.get(follow).content.decode()
    assert 'name="url"' in form

    response = client.post(
        "/theo-doi/",
        {"email": EMAIL, "kind": "search", "url": parse_qs(urlsplit(follow).query)["url"][0]},
    )

    assert response.status_code == 200, html.unescape(response.content.decode())
    client.get(confirm_link(inbox))
    assert Subscription.objects.get().query == {"q": "thông tư", "issuer": ["bo-tnmt"]}


def test_the_confirmation_quotes_a_short_link_free_excerpt_and_no_subject_text(inbox, client, home):
    lure = (
        "THÔNG BÁO KHẨN: tài khoản của bạn sẽ bị khóa, xác minh tại https://evil.example/login "
        "hoặc www.evil.example & evil.example.vn/x <b>ngay</b> " + "x" * 300
    )
    response = client.post(
        "/api/subscriptions/",
        {"email": EMAIL, "kind": "search", "url": f"/tim-kiem/?q={quote(lure)}"},
        content_type="application/json",
    )
    assert response.status_code == 202, response.content

    [message] = inbox.messages
    assert "KHẨN" not in message["Subject"] and "evil" not in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html_part = message.get_body(("html",)).get_content()
    for part in (text, html_part):
        assert "evil" not in part
        assert "x" * 100 not in part
    assert "“" in text and "KHẨN" in text
    assert "&amp;" not in text and "&quot;" not in text and "&#" not in text and "&lt;" not in text


def test_a_provincial_site_follows_what_it_shows_only(inbox, client, legal_index, make_agency_site):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    danang = make_agency_site("danang.localhost", "Đà Nẵng")
    theirs = LegalDocumentPageFactory(parent=danang.root_page, doc_type="Quyết định")
    central = LegalDocumentPageFactory(parent=legal_index, doc_type="Quyết định")

    def follow(page):
        return client.post(
            "/api/subscriptions/",
            {"email": EMAIL, "kind": "page", "page": page.pk},
            content_type="application/json",
            HTTP_HOST="hanoi.localhost",
        )

    assert follow(theirs).status_code == 400
    assert follow(central).status_code == 202

    # A search followed on Hà Nội's site is met by national documents, not Đà Nẵng's own.
    search = target_from("legal", filters={}, site=hanoi)
    assert search.key != target_from("legal", filters={}).key
    [their_doc] = [d for d in documents_of_pages([theirs.pk]) if not d.article]
    [central_doc] = [d for d in documents_of_pages([central.pk]) if not d.article]
    assert matches(search.query, central_doc)
    assert not matches(search.query, their_doc)
