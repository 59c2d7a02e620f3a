"""Lockout after repeated failed sign-ins (django-axes): per account and per address, with a
message saying what happened, visible to administrators."""

import pytest

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def sign_in(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_a_correct_password_signs_in(client, make_editor):
    make_editor("bien-tap")

    response = sign_in(client, "bien-tap", PASSWORD, "198.51.100.1")

    assert response.status_code == 302


def test_an_account_is_locked_after_the_limit_from_any_address(client, make_editor):
    make_editor("bien-tap")
    for attempt in range(LIMIT):
        response = sign_in(client, "bien-tap", "sai", f"198.51.100.{attempt + 10}")
        assert response.status_code in (200, 429)

    response = sign_in(client, "bien-tap", PASSWORD, "198.51.100.99")

    assert response.status_code == 429
    html = response.content.decode()
    assert "tạm thời bị khóa" in html and "15 phút" in html
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_the_limit_for_any_account(client, make_editor):
    make_editor("nguoi-khac")
    for attempt in range(LIMIT):
        sign_in(client, f"doan-{attempt}", "sai", "203.0.113.50")

    assert sign_in(client, "nguoi-khac", PASSWORD, "203.0.113.50").status_code == 429
    assert sign_in(client, "nguoi-khac", PASSWORD, "203.0.113.51").status_code == 302


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
