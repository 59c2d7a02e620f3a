"""News pages: their queries do not grow with their related items, images or listed items."""

import difflib

import pytest

from portal.news.structure import news_section

from .content import news_sections, publish_news

BUDGET = 10

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(client, content_cache, page_queries):
    """The queries of `url` in a running worker: the page's images have their renditions (its
    first view made them) and the caches every page shares are warm, not this page's own."""

    def run(url, warm_up="/"):
        assert client.get(url).status_code == 200
        content_cache.clear()
        return page_queries(url, warm_up=warm_up)

    return run


def assert_same(small, large):
    difference = difflib.unified_diff([sql[:150] for sql in small], [sql[:150] for sql in large])
    assert len(large) == len(small), "\n".join(difference)


def assert_within_budget(queries):
    assert len(queries) <= BUDGET, "\n".join(queries)


def test_news_item_queries_do_not_grow_with_related_items_and_images(home, latest, measure):
    # A body with images costs one query for all of them (none without): start from one.
    other = news_section("Thông cáo báo chí")
    neighbour = publish_news(other, images=1, title="Tin cùng mục")
    alone = publish_news(other, images=1, title="Tin không có tin liên quan")
    # A running worker has served other news items: what they share is warm.
    _response, small = measure(alone.url, warm_up=neighbour.url)

    section = news_section("Tin hoạt động")
    related = [
        publish_news(section, images=1, tags=["Đất đai"], title=f"Tin liên quan {n}")
        for n in range(10)
    ]
    rich = publish_news(section, images=10, tags=["Đất đai"], title="Tin có nhiều ảnh")
    response, large = measure(rich.url, warm_up=related[0].url)
    assert response.text.count('class="news-image"') == 10
    assert "Tin liên quan 9" in response.text
    assert_same(small, large)

    chosen = publish_news(section, images=10, title="Tin có tin chọn sẵn")
    for item in related:
        chosen.related_items.create(related_page=item)
    chosen.save_revision().publish()
    response, picked = measure(chosen.url, warm_up=rich.url)
    assert "Tin liên quan 0" in response.text
    # Items an editor chose are not scoped to the site: one look-up fewer.
    assert len(picked) <= len(small), "\n".join(picked)
    assert_within_budget(large)


@pytest.mark.parametrize("query", ["", "?tag=dat-dai", "?month=2020-01&page=2"])
def test_news_listing_queries_do_not_grow_with_items(home, latest, measure, query):
    # A running worker has served the listing before (its filter choices are remembered until
    # content changes); the page of results is queried on every view.
    few = news_sections(1, 5, featured=False)[0]
    _response, small_section = measure(few.url + query, warm_up=few.url)
    _response, small_latest = measure(latest.url + query, warm_up=latest.url)

    many = news_sections(1, 60, featured=False, first=1)[0]
    response, large_section = measure(many.url + query, warm_up=many.url)
    _response, large_latest = measure(latest.url + query, warm_up=latest.url)

    if not query:
        assert response.text.count('class="news-card card"') == 12
    assert_same(small_section, large_section)
    assert_same(small_latest, large_latest)
    assert_within_budget(large_section)
    assert_within_budget(large_latest)
