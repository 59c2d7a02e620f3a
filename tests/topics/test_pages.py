"""Special-topic pages (chuyên trang) and a leader's page, as the demo builds them."""

import re

import pytest

from django.core.management import call_command

from portal.news.models import NewsPage
from portal.topics.models import LeaderPage, SpecialTopicPage

pytestmark = pytest.mark.django_db


def href(page):
    """The link the page's own site writes (with several sites, `page.url` is absolute)."""
    return page.relative_url(page.get_site())


@pytest.fixture
def demo():
    call_command("load_demo")


def test_special_topic_page_gathers_tagged_news_documents_and_procedures(client, demo):
    topic = SpecialTopicPage.objects.get()
    tagged = NewsPage.objects.live().filter(tags__name=topic.news_tag).distinct()
    untagged = NewsPage.objects.live().exclude(tags__name=topic.news_tag).first()

    html = client.get(topic.url).content.decode()

    assert f"<h1>{topic.title}</h1>" in html
    news = html.split('id="topic-news"')[1].split("</section>")[0]
    assert tagged.count() > 0
    for item in tagged:
        assert f'href="{href(item)}"' in news
    assert f'href="{href(untagged)}"' not in news
    for document in topic.documents.all():
        assert f'href="{href(document)}"' in html
    for procedure in topic.procedures.all():
        assert f'href="{href(procedure)}"' in html
    dates = re.findall(r'<time datetime="([^"]+)"', news)
    assert dates == sorted(dates, reverse=True)


def test_leader_page_lists_the_leaders_activities_newest_first(client, demo):
    leader = LeaderPage.objects.get()
    assert leader.title == "Trang tin Bộ trưởng"

    html = client.get(leader.url).content.decode()

    activities = html.split('id="leader-activities"')[1].split("</section>")[0]
    expected = NewsPage.objects.live().filter(tags__name=leader.news_tag).order_by("-publish_date")
    assert expected.count() >= 2
    links = re.findall(r'<h3><a href="([^"]+)"', activities)
    assert links == [href(item) for item in expected]


def test_an_unpublished_news_item_never_shows_on_a_leader_page(client, demo):
    leader = LeaderPage.objects.get()
    item = NewsPage.objects.live().filter(tags__name=leader.news_tag).first()
    item.unpublish()

    html = client.get(leader.url).content.decode()

    assert f'href="{href(item)}"' not in html
