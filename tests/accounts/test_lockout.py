"""Lockout after repeated failed sign-ins (django-axes): of one account from one address, with a
message saying what happened, an unlock link by email for the owner, visible to administrators.
"""

import re
from email import message_from_string
from email.policy import default

import pytest

from django.core.cache import cache

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    cache.clear()  # the counts of mails per account
    yield
    cache.clear()


def sign_in(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_a_correct_password_signs_in(client, make_editor):
    make_editor("bien-tap")

    response = sign_in(client, "bien-tap", PASSWORD, "198.51.100.1")

    assert response.status_code == 302


def test_failures_from_one_address_lock_the_account_there_only(client, make_editor):
    make_editor("bien-tap")
    for _ in range(LIMIT):
        response = sign_in(client, "bien-tap", "sai", "198.51.100.10")
        assert response.status_code in (200, 429)

    response = sign_in(client, "bien-tap", PASSWORD, "198.51.100.10")

    assert response.status_code == 429
    html = response.content.decode()
    assert "tạm thời bị khóa" in html and "15 phút" in html
    assert "_auth_user_id" not in client.session
    # An attacker elsewhere does not lock the owner out of their own office.
    assert sign_in(client, "bien-tap", PASSWORD, "198.51.100.99").status_code == 302


def test_failures_for_other_accounts_do_not_lock_a_colleague_behind_the_same_address(
    client, make_editor
):
    make_editor("nguoi-khac")
    for attempt in range(LIMIT):
        sign_in(client, f"doan-{attempt}", "sai", "203.0.113.50")

    assert sign_in(client, "nguoi-khac", PASSWORD, "203.0.113.50").status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, make_editor):
    make_editor("bien-tap")
    for _ in range(LIMIT - 1):
        sign_in(client, "bien-tap", "sai", "198.51.100.7")

    assert sign_in(client, "bien-tap", PASSWORD, "198.51.100.7").status_code == 302


def test_behind_a_proxy_clients_are_told_apart_by_the_forwarded_address(
    client, make_editor, settings
):
    settings.NINJA_NUM_PROXIES = 1
    make_editor("bien-tap")
    for attempt in range(LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"doan-{attempt}", "password": "sai"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )

    other = client.post(
        "/admin/login/",
        {"username": "bien-tap", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.67",
    )

    assert other.status_code == 302


def test_administrators_see_lockouts(client, make_editor, admin_client):
    make_editor("bien-tap")
    for _ in range(LIMIT):
        sign_in(client, "bien-tap", "sai", "198.51.100.8")

    listing = admin_client.get("/admin/login_lockouts/")

    assert listing.status_code == 200
    assert "bien-tap" in listing.content.decode()


def lock(client, username, address):
    for _ in range(LIMIT):
        sign_in(client, username, "sai", address)
    return sign_in(client, username, "sai", address)


def unlock_link(mail):
    body = message_from_string(mail["data"], policy=default).get_content()
    return re.search(r"https?://\S+", body).group(0)


def test_a_locked_out_owner_unlocks_by_email_once(client, make_editor, mail_through):
    editor = make_editor("bien-tap")
    locked = lock(client, "bien-tap", "198.51.100.20")
    assert 'action="/admin/unlock/"' in locked.content.decode()

    sent = client.post("/admin/unlock/", {"username": "bien-tap"}, REMOTE_ADDR="198.51.100.20")

    assert sent.status_code == 200
    [mail] = mail_through.messages
    assert mail["to"] == [editor.email]
    path = unlock_link(mail).split("://", 1)[1].partition("/")[2]
    assert client.get(f"/{path}").status_code == 200  # a button: a mail scanner unlocks nothing
    assert sign_in(client, "bien-tap", PASSWORD, "198.51.100.20").status_code == 429
    assert client.post(f"/{path}").status_code == 200
    assert sign_in(client, "bien-tap", PASSWORD, "198.51.100.20").status_code == 302
    assert client.post(f"/{path}").status_code == 400  # used


def test_unlock_mails_to_one_account_are_limited_and_answer_alike(
    client, make_editor, mail_through, settings
):
    settings.ACCOUNT_MAIL_RATE = "2/h"
    make_editor("bien-tap")
    lock(client, "bien-tap", "198.51.100.21")
    answers = [
        client.post("/admin/unlock/", {"username": name}, REMOTE_ADDR="198.51.100.21")
        for name in ("bien-tap", "bien-tap", "bien-tap", "khong-co-ai")
    ]

    assert {answer.status_code for answer in answers} == {200}
    said = {re.search(r'unlock-message">([^<]*)', a.content.decode()).group(1) for a in answers}
    assert len(said) == 1
    assert len(mail_through.messages) == 2


def test_password_reset_mails_to_one_account_are_limited(
    client, make_editor, mail_through, settings
):
    settings.ACCOUNT_MAIL_RATE = "2/h"
    editor = make_editor("bien-tap")
    answers = [client.post("/admin/password_reset/", {"email": editor.email}) for _ in range(4)]

    assert {answer.status_code for answer in answers} == {302}
    assert [mail["to"] for mail in mail_through.messages] == [[editor.email]] * 2
