"""HEAD answers what GET answers, without the body, on every read endpoint."""

import pytest

from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/api/news/",
    "/api/news/tin-thu/",
    "/api/legal/",
    "/api/procedures/",
    "/api/search/?q=tin",
    "/api/search/suggest/?q=tin",
    "/api/schema/",
    "/api/v2/pages/",
    "/api/feeds/legal/",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_head_answers_like_get_without_a_body(client, home, address):
    NewsPageFactory(parent=news_section("Tin hoạt động"), slug="tin-thu")
    get = client.get(address)

    head = client.head(address)

    assert get.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    # Same headers; the body may differ between two requests (search says how long it took).
    assert head.has_header("ETag") == get.has_header("ETag")
    assert int(head["Content-Length"]) > 0
