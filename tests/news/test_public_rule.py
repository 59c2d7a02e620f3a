"""The public rule at read time: a news item that has expired, or whose section was unpublished
(its items left live) or has expired, is absent from every listing, feed, API, the sitemap,
search and its own address before the `publish_scheduled` cron runs, on every site."""

import datetime
import json
from unittest import mock

import pytest

from django.utils import timezone

from portal.core.visibility import is_visible, visible
from search.collect import all_documents
from search.engines import get_engine

LISTINGS = [
    "/",
    "/tin-hoat-dong/",
    "/tin-tuc/",
    "/tin-hoat-dong/rss/",
    "/tin-hoat-dong/atom/",
    "/tin-tuc/rss/",
    "/api/news/?page_size=100",
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=news.NewsPage&limit=100",
    "/sitemap.xml",
    "/api/search/?q=sông",
]


def body_of(response):
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def reindex():
    get_engine().rebuild(all_documents())


@pytest.fixture
def news_site(make_news, latest, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    kept = make_news(title="Tin còn hiệu lực về sông Hồng", slug="con-hieu-luc", featured=True)
    soon = make_news(
        title="Tin sắp hết hạn về sông Đà",
        slug="sap-het-han",
        featured=True,
        expire_at=timezone.now() + datetime.timedelta(hours=1),
    )
    reindex()
    return kept, soon


def later(hours=2):
    return mock.patch(
        "django.utils.timezone.now",
        return_value=timezone.now() + datetime.timedelta(hours=hours),
    )


def assert_hidden_everywhere(client, title, url):
    for listing in LISTINGS:
        response = client.get(listing)
        if listing.startswith(url.rsplit("/", 2)[0] + "/"):
            # The section's own listing and feeds, when the section itself is hidden.
            assert response.status_code in (200, 404), listing
        else:
            assert response.status_code == 200, listing
        body = body_of(response)
        assert title not in body, listing
        assert url not in body, listing
    assert client.get(url).status_code == 404


def test_expired_item_is_gone_everywhere_before_the_cron(client, news_site):
    kept, soon = news_site
    assert "sông Đà" in body_of(client.get("/api/search/?q=sông"))
    assert "sông Đà" in body_of(client.get("/tin-hoat-dong/"))

    with later():
        assert_hidden_everywhere(client, "sông Đà", "/tin-hoat-dong/sap-het-han/")
        assert "sông Hồng" in body_of(client.get("/tin-hoat-dong/"))
        assert client.get("/tin-hoat-dong/con-hieu-luc/").status_code == 200


def test_expired_item_leaves_remembered_listings_in_every_process(client, news_site, settings):
    """With the per-process content cache on, a listing remembered before the expiry is not
    served after it: the schedule is part of the content version."""
    from portal.core import content_cache

    settings.CONTENT_CACHE = True
    content_cache.clear()
    with content_cache.request_version():
        assert "sông Đà" in body_of(client.get("/"))
        assert "sông Đà" in body_of(client.get("/tin-tuc/"))
    try:
        with later():
            assert "sông Đà" not in body_of(client.get("/"))
            assert "sông Đà" not in body_of(client.get("/tin-tuc/"))
            assert "sông Hồng" in body_of(client.get("/tin-tuc/"))
    finally:
        content_cache.clear()


def test_items_of_an_unpublished_section_are_gone_everywhere(client, news_site, section):
    kept, soon = news_site
    section.unpublish(set_expired=False, commit=True)
    kept.refresh_from_db()
    assert kept.live  # Wagtail leaves the items live: the rule hides them
    reindex()

    assert_hidden_everywhere(client, "sông Hồng", "/tin-hoat-dong/con-hieu-luc/")
    assert not is_visible(kept)


def test_items_of_an_expired_section_are_gone_everywhere(client, news_site, section):
    kept, soon = news_site
    type(section).objects.filter(pk=section.pk).update(
        expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    reindex()  # the items are indexed again with their section's expiry

    with later():
        assert_hidden_everywhere(client, "sông Hồng", "/tin-hoat-dong/con-hieu-luc/")


def test_public_rule_scopes_by_site(make_agency_site, make_news):
    from portal.core.sites import owner_site
    from portal.news.structure import news_section

    national_item = make_news(title="Tin của Bộ", slug="tin-cua-bo")
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    hanoi_section = news_section("Tin Hà Nội", site=hanoi)
    hanoi_item = make_news(parent=hanoi_section, title="Tin của Hà Nội", slug="tin-ha-noi")

    assert owner_site(hanoi_item).pk == hanoi.pk
    assert owner_site(national_item).is_default_site
    assert list(visible(type(hanoi_item).objects.all(), hanoi)) == [hanoi_item]
    assert not is_visible(national_item, hanoi)  # news is not national shared content
    assert is_visible(hanoi_item, hanoi)
