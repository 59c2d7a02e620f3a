"""Links stay home: everything a provincial site shows of the national shared content (a national
procedure, a central legal document) links to that site's own address, in pages, breadcrumbs,
"new documents", legal bases, search results, Wagtail API v2, the typed APIs, the sitemap and
feeds; and a provincial site serves a central document at its own address."""

import json

import pytest

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

from search.collect import all_documents
from search.engines import get_engine

MINISTRY, HANOI, DANANG = "bo.localhost", "hanoi.localhost", "danang.localhost"

CONTENT = [
    {
        "kind": "legal",
        "number": "08/2022/NĐ-CP",
        "title": "Nghị định quy định chi tiết Luật Bảo vệ môi trường",
        "doc_type": "Nghị định",
        "issuer": "Chính phủ",
        "issued": "2022-01-10",
        "articles": [{"number": "1", "title": "Phạm vi", "text": "Giấy phép môi trường."}],
    },
    {
        "kind": "procedure",
        "code": "1.010727",
        "name": "Cấp giấy phép môi trường cấp tỉnh",
        "levels": ["province"],
        "fields": ["Môi trường"],
        "legal_bases": ["08/2022/NĐ-CP"],
        "channels": [{"method": "direct", "time": "15 ngày", "fees": "Theo quy định"}],
    },
]

PROCEDURE = "/thu-tuc-hanh-chinh/1-010727-cap-giay-phep-moi-truong-cap-tinh/"
DOCUMENT = "/van-ban/08-2022-nd-cp/"
SHOWN = [
    "/",
    PROCEDURE,
    DOCUMENT,
    "/thu-tuc-hanh-chinh/",
    "/van-ban/",
    "/api/v2/pages/?limit=100",
    "/api/procedures/?page_size=100",
    "/api/procedures/1.010727/",
    "/api/legal/?page_size=100",
    "/api/feeds/legal/",
    "/api/feeds/procedures/",
    "/sitemap.xml",
    "/api/search/?q=giấy phép môi trường",
]


@pytest.fixture
def three_sites(home, english_home, make_agency_site, jsonl, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    cache.clear()
    Site.objects.filter(is_default_site=True).update(hostname=MINISTRY)
    call_command("import_content", str(jsonl(CONTENT)))
    make_agency_site(HANOI, "Hà Nội")
    make_agency_site(DANANG, "Đà Nẵng")
    get_engine().rebuild(all_documents())
    yield
    cache.clear()


def body(response):
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


@pytest.mark.parametrize("host", [HANOI, DANANG])
def test_a_provincial_site_links_only_to_itself(client, three_sites, host):
    for path in SHOWN:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        text = body(response)
        for other in {MINISTRY, HANOI, DANANG} - {host}:
            assert f"//{other}" not in text, (path, other)


def test_the_procedure_page_on_a_province_links_its_legal_basis_and_trail_home(client, three_sites):
    text = body(client.get(PROCEDURE, HTTP_HOST=HANOI))
    assert f'href="http://{HANOI}{DOCUMENT}"' in text or f'href="{DOCUMENT}"' in text
    assert f'href="http://{HANOI}/thu-tuc-hanh-chinh/"' in text


def test_search_results_and_api_urls_take_the_address_searched_on(client, three_sites):
    hits = client.get("/api/search/?q=giấy phép", HTTP_HOST=HANOI).json()["results"]
    assert hits
    for hit in hits:
        assert hit["url"].startswith(("/", f"http://{HANOI}/")), hit
    pages = client.get("/api/v2/pages/?limit=100", HTTP_HOST=HANOI).json()["items"]
    national = [p for p in pages if p["meta"]["type"] == "procedures.ProcedurePage"]
    assert national and all(p["meta"]["html_url"].startswith(f"http://{HANOI}/") for p in national)


def test_the_ministry_keeps_its_own_links(client, three_sites):
    text = body(client.get("/api/procedures/?page_size=100", HTTP_HOST=MINISTRY))
    assert f"//{MINISTRY}/thu-tuc-hanh-chinh/" in text
    assert f"//{HANOI}" not in text
    assert client.get(DOCUMENT, HTTP_HOST=MINISTRY).status_code == 200
