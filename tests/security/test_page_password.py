"""The password form of a private page: a return address that is refused (another site, a
script) leads back to the page, never to a 404."""

import pytest

from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_page(home):
    page = home.add_child(instance=Page(title="Trang nội bộ", slug="noi-bo"))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    return page, f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.mark.parametrize(
    "return_url", ["https://evil.example/", "javascript:alert(1)", "//evil.example/", ""]
)
def test_refused_return_address_leads_back_to_the_page(client, private_page, return_url):
    page, action = private_page

    response = client.post(action, {"password": "mat-khau", "return_url": return_url})

    assert response.status_code == 302
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


def test_a_return_address_on_this_site_is_kept(client, private_page):
    page, action = private_page

    response = client.post(action, {"password": "mat-khau", "return_url": "/noi-bo/?a=1"})

    assert response["Location"] == "/noi-bo/?a=1"


def test_wrong_password_shows_the_form_again(client, private_page):
    page, action = private_page

    response = client.post(action, {"password": "sai", "return_url": page.url})

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize(
    "action",
    [
        "/_util/authenticate_with_password/99999999999999999999/1/",
        "/_util/authenticate_with_password/1/99999999999999999999/",
    ],
)
def test_unknown_restriction_is_a_404(client, home, action):
    assert client.post(action, {"password": "x"}).status_code == 404


def test_password_guesses_are_throttled_per_address(client, private_page, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PAGE_PASSWORD_RATE = "3/h"
    page, action = private_page
    for guess in ("a", "b", "c"):
        response = client.post(action, {"password": guess}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 200

    # Past the limit even the right password is not checked from this address...
    refused = client.post(action, {"password": "mat-khau"}, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Nhập sai mật khẩu quá nhiều lần" in refused.content.decode()
    # ...while a visitor elsewhere who knows it gets in.
    other = client.post(action, {"password": "mat-khau"}, REMOTE_ADDR="203.0.113.10")
    assert other.status_code == 302
    cache.clear()
