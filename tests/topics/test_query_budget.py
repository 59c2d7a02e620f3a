"""Special-topic and leader pages: their queries do not grow with the news, documents and
procedures they gather."""

import difflib

import pytest

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.structure import latest_news_page, news_section
from portal.procedures.factories import ProcedurePageFactory
from portal.topics.models import LeaderPage, SpecialTopicPage
from tests.news.content import publish_news

BUDGET = 10
TAG = "Chuyển đổi số"

pytestmark = pytest.mark.django_db


def add_topic_content(home, topic, count):
    section = news_section("Tin hoạt động")
    index = LegalDocumentIndexPageFactory._meta.model.objects.first() or (
        LegalDocumentIndexPageFactory(parent=home)
    )
    for _number in range(count):
        publish_news(section, images=0, tags=[TAG])
        topic.documents.add(LegalDocumentPageFactory(parent=index))
        topic.procedures.add(ProcedurePageFactory())
    topic.save_revision().publish()


def queries_of(url, client, content_cache, page_queries):
    assert client.get(url).status_code == 200  # the images' renditions exist
    content_cache.clear()
    return page_queries(url, warm_up="/tin-tuc/")[1]


def assert_same(small, large):
    difference = difflib.unified_diff([sql[:150] for sql in small], [sql[:150] for sql in large])
    assert len(large) == len(small), "\n".join(difference)


def test_topic_and_leader_pages_queries_do_not_grow(home, client, content_cache, page_queries):
    latest_news_page("vi")
    topic = home.add_child(instance=SpecialTopicPage(title="Chuyên trang", news_tag=TAG))
    leader = home.add_child(
        instance=LeaderPage(title="Bộ trưởng", leader_name="A", position="B", news_tag=TAG)
    )
    leader.save_revision().publish()
    add_topic_content(home, topic, 2)
    small_topic = queries_of(topic.url, client, content_cache, page_queries)
    small_leader = queries_of(leader.url, client, content_cache, page_queries)

    add_topic_content(home, topic, 20)
    large_topic = queries_of(topic.url, client, content_cache, page_queries)
    large_leader = queries_of(leader.url, client, content_cache, page_queries)

    assert_same(small_topic, large_topic)
    assert_same(small_leader, large_leader)
    assert len(large_topic) <= BUDGET, "\n".join(large_topic)
    assert len(large_leader) <= BUDGET, "\n".join(large_leader)
