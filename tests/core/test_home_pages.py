import pytest

from django.core.management import call_command

from wagtail.models import Page, Site

from portal.core.models import HomePage


@pytest.mark.django_db
def test_fresh_database_gets_vietnamese_and_english_home_pages(client):
    assert not HomePage.objects.exists()
    call_command("load_demo")

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to").exists()

    vietnamese = client.get("/")
    english = client.get("/en/")
    assert vietnamese.status_code == 200 and english.status_code == 200
    assert (
        '<html lang="vi">' in vietnamese.text and "Bộ Nông nghiệp và Môi trường" in vietnamese.text
    )
    assert '<html lang="en">' in english.text
    assert "Ministry of Agriculture and Environment" in english.text
    assert "Đường dây nóng" in vietnamese.text and "Hotline" in english.text


@pytest.mark.django_db
def test_unknown_page_is_a_404_in_the_visitors_language(client, english_home):
    assert "Không tìm thấy trang" in client.get("/khong-co-trang-nay/").text
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404 and "Page not found" in response.text


@pytest.mark.django_db
def test_admin_login_is_served(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "login" in response.redirect_chain[-1][0]


@pytest.mark.django_db
def test_ensure_admin_creates_one_account_and_says_how_to_log_in(capsys, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("ADMIN_PASSWORD", "demo-password-1")
    call_command("ensure_admin")
    assert "/admin/" in capsys.readouterr().out
    call_command("ensure_admin")
    users = get_user_model().objects.filter(is_superuser=True)
    assert users.count() == 1 and users.get().check_password("demo-password-1")
