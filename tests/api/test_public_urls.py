"""Absolute public URLs come from the site's configured address (PUBLIC_URL, else the Wagtail
site's hostname, else the address requested), never from the `localhost` a fresh database
starts with: sitemap (with hreflang alternates), feeds, the typed API, API v2 and print."""

import re

import pytest

from django.core.management import call_command

from wagtail.models import Site

from search.engines import get_engine

pytestmark = pytest.mark.django_db

URL = re.compile(r"""https?://[^\s"'<>]+""")
# Namespaces and schemas the XML and JSON documents name: not addresses of the portal.
STANDARD = (
    "http://www.w3.org/",
    "http://www.sitemaps.org/",
    "http://purl.org/",
    "https://schema.org",
)

CONTENT = [
    {
        "kind": "procedure",
        "code": "1.012345",
        "name": "Cấp giấy phép khai thác nước mặt",
        "legal_bases": ["17/2023/QH15"],
    },
    {
        "kind": "legal",
        "number": "17/2023/QH15",
        "title": "Luật Tài nguyên nước",
        "doc_type": "Luật",
        "issued": "2023-11-27",
    },
    {
        "kind": "news",
        "slug": "ngay-nuoc-the-gioi",
        "title": "Ngày Nước thế giới",
        "lead": "Hưởng ứng Ngày Nước thế giới.",
        "published": "2026-03-22T08:00:00+07:00",
        "category": "Tin hoạt động",
        "language": "vi",
    },
    {
        "kind": "news",
        "slug": "world-water-day",
        "title": "World Water Day",
        "lead": "Marking World Water Day.",
        "published": "2026-03-22T08:00:00+07:00",
        "category": "Activities",
        "language": "en",
    },
]


@pytest.fixture
def content(english_home, jsonl, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    call_command("import_content", str(jsonl(CONTENT)))
    call_command("search_index", "rebuild")
    get_engine()


def public_documents(client, host):
    """Every document that writes absolute URLs, fetched as a visitor of `host` would."""
    from portal.procedures.models import ProcedurePage

    procedure = ProcedurePage.objects.get(code="1.012345")
    paths = [
        "/sitemap.xml",
        "/robots.txt",
        "/api/feeds/legal/",
        "/api/feeds/procedures/",
        "/tin-hoat-dong/rss/",
        "/tin-hoat-dong/atom/",
        "/api/procedures/",
        "/api/legal/",
        "/api/news/",
        "/api/search/?q=nuoc",
        "/api/v2/pages/?type=procedures.ProcedurePage&fields=*",
        "/api/v2/pages/?fields=_,html_url",
        procedure.url + "?print=1",
        procedure.url,
    ]
    documents = {}
    for path in paths:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        documents[path] = response.content.decode()
    return documents


def portal_urls(documents):
    return {
        (path, url)
        for path, body in documents.items()
        for url in URL.findall(body)
        if not url.startswith(STANDARD)
    }


def test_no_url_says_localhost_when_served_at_another_address(client, content):
    assert Site.objects.get(is_default_site=True).hostname == "localhost"

    urls = portal_urls(public_documents(client, "portal.example.gov.vn"))

    assert {path for path, _ in urls} >= {"/sitemap.xml", "/api/feeds/legal/", "/api/procedures/"}
    wrong = sorted((path, url) for path, url in urls if "localhost" in url)
    assert wrong == []
    elsewhere = sorted((p, u) for p, u in urls if not u.startswith("http://portal.example.gov.vn/"))
    assert elsewhere == []


def test_public_url_setting_wins_over_the_address_requested(client, content, settings):
    settings.PUBLIC_URL = "https://cong.example.gov.vn"

    urls = portal_urls(public_documents(client, "10.0.0.5:8000"))

    wrong = sorted((path, url) for path, url in urls if not url.startswith(settings.PUBLIC_URL))
    assert wrong == []


def test_site_address_command_sets_the_address_urls_begin_with(client, content):
    call_command("site_address", "cong.example.gov.vn:8443")

    body = client.get("/sitemap.xml", HTTP_HOST="cong.example.gov.vn:8443").content.decode()

    assert "<loc>http://cong.example.gov.vn:8443/</loc>" in body
    assert "localhost" not in body


def test_sitemap_gives_each_page_its_translations_as_hreflang_alternates(client, content):
    body = client.get("/sitemap.xml", HTTP_HOST="portal.example.gov.vn").content.decode()

    home = re.search(r"<url><loc>http://portal.example.gov.vn/</loc>.*?</url>", body)
    assert home, body[:500]
    alternates = dict(re.findall(r'hreflang="([a-z-]+)" href="([^"]+)"', home[0]))
    assert alternates == {
        "vi": "http://portal.example.gov.vn/",
        "en": "http://portal.example.gov.vn/en/",
    }
