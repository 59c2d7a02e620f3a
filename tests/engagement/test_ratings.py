"""“Thông tin này có hữu ích không?”: on news, procedures and legal documents, once per browser
per page, with counts and comments for editors."""

import pytest

from django.urls import reverse

from portal.engagement.models import Rating
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section


@pytest.fixture
def news(home):
    return NewsPageFactory(parent=news_section("Tin hoạt động"), title="Tin thử", slug="tin-thu")


def test_the_box_is_on_a_news_item_and_works_without_javascript(client, news):
    page = client.get(news.url).content.decode()
    assert "Thông tin này có hữu ích không?" in page
    assert reverse("engagement:rate", args=[news.pk]) in page
    response = client.post(
        reverse("engagement:rate", args=[news.pk]), {"helpful": "no", "comment": "Thiếu số liệu"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?rating=rated#rating")
    assert "Cảm ơn bạn đã đánh giá" in client.get(response["Location"]).content.decode()
    rating = Rating.objects.get()
    assert (rating.page_id, rating.helpful, rating.comment) == (news.pk, False, "Thiếu số liệu")


def test_once_per_browser_per_page(client, news):
    url = reverse("engagement:rate", args=[news.pk])
    client.post(url, {"helpful": "yes"})
    again = client.post(url, {"helpful": "no"})
    assert again["Location"].endswith("?rating=already-rated#rating")
    assert Rating.objects.count() == 1
    client.cookies.clear()
    client.post(url, {"helpful": "no"})
    assert Rating.objects.count() == 2


def test_bad_ratings_are_refused(client, news):
    url = reverse("engagement:rate", args=[news.pk])
    assert client.post(url, {"helpful": "maybe"}).status_code == 400
    assert client.post(url, {"helpful": "yes", "comment": "x" * 1001}).status_code == 400
    assert (
        client.post(reverse("engagement:rate", args=[999999]), {"helpful": "yes"}).status_code
        == 404
    )
    assert client.get(url).status_code == 405
    assert not Rating.objects.exists()


def test_editors_see_counts_and_comments(client, admin_client, news):
    url = reverse("engagement:rate", args=[news.pk])
    client.post(url, {"helpful": "yes"})
    client.cookies.clear()
    client.post(url, {"helpful": "no", "comment": "Cần thêm văn bản hướng dẫn"})
    page = admin_client.get(reverse("engagement_ratings")).content.decode()
    assert "Tin thử" in page and "Cần thêm văn bản hướng dẫn" in page


def test_a_vote_sent_from_another_site_is_refused(client, news):
    url = reverse("engagement:rate", args=[news.pk])

    forged = client.post(url, {"helpful": "no"}, HTTP_ORIGIN="https://evil.example")
    fetched = client.post(url, {"helpful": "no"}, HTTP_SEC_FETCH_SITE="cross-site")
    own = client.post(
        url, {"helpful": "yes"}, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin"
    )

    assert forged.status_code == 403 and fetched.status_code == 403
    assert own.status_code == 302
    assert list(Rating.objects.values_list("helpful", flat=True)) == [True]


def test_one_address_cannot_rate_without_limit(client, news, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ENGAGEMENT_RATING_RATE = "3/h"
    url = reverse("engagement:rate", args=[news.pk])

    answers = []
    for _ in range(5):
        client.cookies.clear()  # a new browser each time: only the address is the same
        answers.append(client.post(url, {"helpful": "no"}).status_code)

    assert answers == [302, 302, 302, 429, 429]
    assert Rating.objects.count() == 3
