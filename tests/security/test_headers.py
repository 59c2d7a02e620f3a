"""Security headers on every public page type, and a Content-Security-Policy that the theme
can live with: no inline script or style anywhere in what it renders."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import latest_news_page, news_section
from portal.procedures.factories import ProcedurePageFactory

REPO = Path(__file__).resolve().parents[2]

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.fixture
def public_pages(home, english_home):
    section = news_section("Tin hoạt động")
    news = NewsPageFactory(parent=section, title="Tin thử")
    legal = LegalDocumentPageFactory(parent=LegalDocumentIndexPageFactory(parent=home), issuer=None)
    procedure = ProcedurePageFactory()
    return {
        "home": "/",
        "home-en": "/en/",
        "news-section": section.url,
        "news-item": news.url,
        "latest-news": latest_news_page().url,
        "legal-detail": legal.url,
        "procedure-listing": procedure.get_parent().url,
        "procedure-detail": procedure.url,
        "procedure-print": procedure.url + "?print=1",
        "search": "/tim-kiem/?q=dat",
        "not-found": "/khong-co-trang-nay/",
    }


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_every_public_page_type_sends_the_security_headers(client, public_pages):
    for name, address in public_pages.items():
        response = client.get(address)
        assert response.status_code in (200, 404), (name, response.status_code)

        policy = directives(response)
        assert policy["default-src"] == ["'self'"], name
        assert policy["script-src"] == ["'self'"], name
        assert policy["style-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert "unsafe-inline" not in response["Content-Security-Policy"], name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["X-Frame-Options"] == "DENY", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert "geolocation=()" in response["Permissions-Policy"], name


def test_public_pages_have_no_inline_script_or_style(client, public_pages):
    for name, address in public_pages.items():
        html = client.get(address).content.decode()
        assert not INLINE_SCRIPT.findall(html), (name, INLINE_SCRIPT.findall(html))
        assert not INLINE_STYLE.findall(html), (name, INLINE_STYLE.findall(html))


def test_the_server_error_page_has_no_inline_style():
    html = (REPO / "themes" / "default" / "templates" / "500.html").read_text()
    assert not INLINE_STYLE.findall(html)
    assert not INLINE_SCRIPT.findall(html)


def test_the_admin_has_its_own_policy(admin_client, home):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_api_docs_load_swagger_from_this_site(client, home):
    html = client.get("/api/docs/").content.decode()

    assert "cdn." not in html
    assert "/static/ninja/" in html


def test_https_is_enforced_behind_the_proxy(client, settings, home):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000

    plain = client.get("/", HTTP_X_FORWARDED_PROTO="http")
    secure = client.get("/", HTTP_X_FORWARDED_PROTO="https")

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_check_deploy_reports_no_issue_with_only_the_three_variables(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "k" + "".join(chr(33 + (i * 7) % 90) for i in range(60)),
        "DATABASE_URL": "postgres://portal@db.example/portal",
        "ALLOWED_HOSTS": "portal.gov.vn",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
