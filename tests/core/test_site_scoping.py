"""Two provincial sites and the ministry's: every consumer answers for the site the request came
to (portal.core.sites.scoped), its own content plus the national shared content, and nothing of
the other province."""

import xml.etree.ElementTree as ET

import pytest

from django.core.cache import cache

from portal.core.sites import own_pages
from portal.news.factories import NewsPageFactory
from portal.news.models import NewsIndexPage
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedureIndexPage
from search.collect import all_documents
from search.engines import get_engine

HANOI, DANANG = "hanoi.localhost", "danang.localhost"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def publish_news(section, slug, title, **fields):
    page = NewsPageFactory.build(slug=slug, title=title, lead=f"{title}.", **fields)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def world(home, english_home, make_agency_site):
    """The ministry with a news item and a national procedure; Hà Nội and Đà Nẵng with a news
    item each and, for Hà Nội, a procedure of its own."""
    from portal.news.structure import latest_news_page, news_section

    latest_news_page("vi")
    national_section = news_section("Tin hoạt động")
    hanoi = make_agency_site(HANOI, "Hà Nội")
    danang = make_agency_site(DANANG, "Đà Nẵng")
    sections = {
        site.hostname: own_pages(NewsIndexPage.objects.all(), site).get()
        for site in (hanoi, danang)
    }
    hanoi_catalogue = own_pages(ProcedureIndexPage.objects.all(), hanoi).get()
    return {
        "hanoi": hanoi,
        "danang": danang,
        "national_news": publish_news(national_section, "tin-bo", "Tin của Bộ về rừng"),
        "hanoi_news": publish_news(
            sections[HANOI], "tin-ha-noi", "Tin Hà Nội về rừng", featured=True
        ),
        "danang_news": publish_news(
            sections[DANANG], "tin-da-nang", "Tin Đà Nẵng về rừng", featured=True
        ),
        "national_procedure": ProcedurePageFactory(
            code="1.000001", name="Thủ tục quốc gia về rừng", popularity=10
        ),
        "hanoi_procedure": ProcedurePageFactory(
            code="HN.000001", name="Thủ tục riêng Hà Nội về rừng", parent=hanoi_catalogue
        ),
    }


def get(client, host, path, **params):
    return client.get(path, params, HTTP_HOST=host)


def text_of(response):
    return response.content.decode()


def test_home_page_shows_its_own_news_and_the_national_procedures(client, world):
    page = text_of(get(client, HANOI, "/"))
    assert "Sở Nông nghiệp và Môi trường Hà Nội" in page
    assert "Tin Hà Nội về rừng" in page
    assert "Thủ tục quốc gia về rừng" in page
    assert "Tin Đà Nẵng về rừng" not in page and "Tin của Bộ về rừng" not in page
    danang = text_of(get(client, DANANG, "/"))
    assert "Tin Đà Nẵng về rừng" in danang and "Thủ tục quốc gia về rừng" in danang
    assert "Tin Hà Nội về rừng" not in danang and "Thủ tục riêng Hà Nội" not in danang


def test_news_listing_and_its_feed_list_only_the_sites_items(client, world):
    listing = text_of(get(client, HANOI, "/tin-tuc/"))
    assert "Tin Hà Nội về rừng" in listing
    assert "Tin Đà Nẵng về rừng" not in listing and "Tin của Bộ về rừng" not in listing
    feed = ET.fromstring(get(client, DANANG, "/tin-tuc/rss/").content)
    assert [item.findtext("title") for item in feed.iter("item")] == ["Tin Đà Nẵng về rừng"]
    ministry = text_of(get(client, "localhost", "/tin-tuc/"))
    assert "Tin của Bộ về rừng" in ministry and "Tin Hà Nội về rừng" not in ministry


def test_news_api_answers_for_the_requests_site(client, world):
    body = get(client, HANOI, "/api/news/").json()
    assert [item["slug"] for item in body["results"]] == ["tin-ha-noi"]
    assert body["results"][0]["url"].startswith("http://hanoi.localhost/")
    assert get(client, HANOI, "/api/news/tin-da-nang/").status_code == 404
    assert get(client, DANANG, "/api/news/tin-da-nang/").status_code == 200


def test_change_feed_has_the_national_and_the_sites_own_procedures(client, world):
    def codes(host):
        feed = ET.fromstring(get(client, host, "/api/feeds/procedures/").content)
        atom = "{http://www.w3.org/2005/Atom}"
        entries = feed.iter(f"{atom}entry")
        return sorted(entry.findtext(f"{atom}title").split()[1] for entry in entries)

    assert codes(HANOI) == ["1.000001", "HN.000001"]
    assert codes(DANANG) == ["1.000001"]


def test_sitemap_lists_the_sites_pages_and_the_national_shared_ones(client, world):
    sitemap = text_of(get(client, HANOI, "/sitemap.xml"))
    assert "http://hanoi.localhost/tin-tong-hop/tin-ha-noi/" in sitemap
    assert world["national_procedure"].slug in sitemap
    assert "tin-da-nang" not in sitemap and "tin-bo" not in sitemap
    danang = text_of(get(client, DANANG, "/sitemap.xml"))
    assert "tin-da-nang" in danang and "tin-ha-noi" not in danang
    assert world["hanoi_procedure"].slug not in danang


def test_wagtail_api_v2_answers_for_the_requests_site(client, world):
    listing = get(client, HANOI, "/api/v2/pages/", type="news.NewsPage").json()
    assert [item["title"] for item in listing["items"]] == ["Tin Hà Nội về rừng"]
    procedures = get(client, DANANG, "/api/v2/pages/", type="procedures.ProcedurePage").json()
    assert [item["title"] for item in procedures["items"]] == ["Thủ tục quốc gia về rừng"]
    assert get(client, HANOI, f"/api/v2/pages/{world['danang_news'].pk}/").status_code == 404


@pytest.fixture
def indexed(world, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild(list(all_documents()))
    return world


def search_titles(client, host, **params):
    body = get(client, host, "/api/search/", q="rừng", **params).json()
    return sorted(hit["title"] for hit in body["results"]), body


def test_provincial_search_finds_its_own_and_the_national_shared_content(client, indexed):
    titles, _ = search_titles(client, HANOI)
    assert titles == [
        "Thủ tục quốc gia về rừng",
        "Thủ tục riêng Hà Nội về rừng",
        "Tin Hà Nội về rừng",
    ]
    titles, _ = search_titles(client, DANANG)
    assert titles == ["Thủ tục quốc gia về rừng", "Tin Đà Nẵng về rừng"]


def test_ministry_search_spans_every_site_with_an_agency_facet(client, indexed):
    titles, body = search_titles(client, "localhost")
    assert len(titles) == 5
    facet = {value["value"]: value for value in body["facets"]["site"]}
    assert facet[HANOI]["label"] == "Sở Nông nghiệp và Môi trường Hà Nội (Hà Nội)"
    assert facet[HANOI]["count"] == 2 and facet[DANANG]["count"] == 1
    titles, _ = search_titles(client, "localhost", site=DANANG)
    assert titles == ["Tin Đà Nẵng về rừng"]


def test_search_page_and_suggestions_answer_for_the_site(client, indexed):
    page = text_of(get(client, HANOI, "/tim-kiem/", q="rừng"))
    assert "Tin Hà Nội về rừng" in page and "Tin Đà Nẵng về rừng" not in page
    suggestions = get(client, DANANG, "/api/search/suggest/", q="tin").json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Tin Đà Nẵng về rừng"]


def test_the_same_slug_on_two_sites_is_two_search_entries(client, indexed):
    publish_news(
        own_pages(NewsIndexPage.objects.all(), indexed["danang"]).get(),
        "tin-ha-noi",
        "Tin Đà Nẵng cùng địa chỉ về rừng",
    )
    get_engine().rebuild(list(all_documents()))
    titles, _ = search_titles(client, "localhost")
    assert "Tin Hà Nội về rừng" in titles and "Tin Đà Nẵng cùng địa chỉ về rừng" in titles


def test_unknown_host_gets_the_national_site(client, world):
    page = text_of(get(client, "unknown.localhost", "/"))
    assert "Tin của Bộ về rừng" in page or "Trang chủ" in page
    assert "Tin Hà Nội về rừng" not in page


def test_unknown_host_is_a_400_under_strict_hosts(client, world, settings):
    settings.STRICT_SITE_HOSTS = True
    response = get(client, "unknown.localhost", "/")
    assert response.status_code == 400
    assert "not one of the portal's sites" in text_of(response)
    assert get(client, HANOI, "/").status_code == 200


def test_a_page_pinned_to_a_query_is_promoted_only_where_the_site_shows_it(client, indexed):
    from search.promotions import PromotedResult

    PromotedResult.objects.create(query="rừng", page=indexed["hanoi_news"])
    PromotedResult.objects.create(query="rừng", page=indexed["national_procedure"])

    def recommended(host):
        body = get(client, host, "/api/search/", q="rung").json()
        return [hit["title"] for hit in body["results"] if hit["recommended"]]

    assert recommended(HANOI) == ["Tin Hà Nội về rừng", "Thủ tục quốc gia về rừng"]
    assert recommended(DANANG) == ["Thủ tục quốc gia về rừng"]
