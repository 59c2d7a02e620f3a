"""The home page's queries do not grow with its content, and what it lists is never stale."""

import pytest

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.structure import latest_news_page, news_section
from portal.procedures.factories import ProcedurePageFactory
from tests.news.content import news_sections, publish_news

BUDGET = 10

pytestmark = pytest.mark.django_db


def add_home_content(home, sections, items, first=0):
    """News sections of featured items, popular procedures and recent legal documents."""
    news_sections(sections, items, first=first)
    index = LegalDocumentIndexPageFactory._meta.model.objects.first() or (
        LegalDocumentIndexPageFactory(parent=home)
    )
    for number in range(items):
        ProcedurePageFactory(popularity=first * 100 + number)
        LegalDocumentPageFactory(parent=index)


def home_queries(page_queries, content_cache):
    """The home's queries when its sections are gathered in the request (the first view after
    a change of content), then when a worker has already served it."""
    content_cache.clear()
    _response, gathering = page_queries("/", warm_up="/tin-tuc/")
    response, served = page_queries("/", warm_up="/")
    return response, gathering, served


def test_home_queries_do_not_grow_with_sections_and_items(home, page_queries, content_cache):
    latest_news_page("vi")
    add_home_content(home, sections=2, items=3)
    _response, small_gathering, small_served = home_queries(page_queries, content_cache)

    add_home_content(home, sections=4, items=12, first=2)
    response, gathering, served = home_queries(page_queries, content_cache)

    assert "Tin 11 của chuyên mục 5" in response.text
    assert len(gathering) == len(small_gathering), "\n".join(gathering)
    assert len(served) == len(small_served), "\n".join(served)
    assert len(served) <= BUDGET, "\n".join(served)


def test_published_news_shows_on_the_home_and_listings_at_once(home, client, content_cache):
    latest_news_page("vi")
    section = news_section("Tin hoạt động")
    publish_news(section, title="Tin cũ đã đăng", featured=True)
    for url in ("/", "/tin-tuc/", section.url):
        assert "Tin mới vừa đăng" not in client.get(url).text

    fresh = publish_news(section, title="Tin mới vừa đăng", featured=True)
    for url in ("/", "/tin-tuc/", section.url):
        assert "Tin mới vừa đăng" in client.get(url).text, url

    fresh.unpublish()
    for url in ("/", "/tin-tuc/", section.url):
        assert "Tin mới vừa đăng" not in client.get(url).text, url
