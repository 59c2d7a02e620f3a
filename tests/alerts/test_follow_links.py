"""Every news section, the legal listing (as filtered), each procedure, each document and each
special topic has a "Theo dõi" link to the alerts form with its choice made; on /theo-doi/ a
citizen without JavaScript picks a news section or a topic from lists; a topic subscription
mails the next news item of that topic."""

import html
import re

import pytest

from portal.core.factories import AgencyFactory
from portal.legal.factories import LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory
from portal.topics.models import SpecialTopicPage

from .test_sending import READER, subscribe

pytestmark = pytest.mark.django_db
TAG = "Ngày Môi trường thế giới"


@pytest.fixture
def content(legal_index, committed, home):
    with committed():
        section = news_section("Tin hoạt động")
        item = NewsPageFactory.build(title="Mít tinh hưởng ứng Ngày Môi trường")
        section.add_child(instance=item)
        item.tags.add(TAG)
        item.save_revision().publish()
        issuer = AgencyFactory(name="Bộ Tài nguyên và Môi trường", slug="bo-tnmt")
        document = LegalDocumentPageFactory(parent=legal_index, issuer=issuer, live=False)
        document.save_revision().publish()
        procedure = ProcedurePageFactory(code="1.004194", name="Cấp phép xả thải")
        topic = SpecialTopicPage(title="Chuyên trang Ngày Môi trường", news_tag=TAG)
        home.add_child(instance=topic)
        topic.save_revision().publish()
    return {
        "section": section,
        "document": document,
        "procedure": procedure,
        "topic": topic,
        "listing": legal_index,
    }


def follow_link(client, url):
    page = client.get(url).content.decode()
    found = re.search(r'<p class="follow-link no-print"><a href="([^"]+)">Theo dõi', page)
    assert found, f"no Theo dõi link on {url}"
    return html.unescape(found.group(1))


def test_each_kind_of_page_links_to_the_form_with_its_choice_made(client, content):
    tag_slug = content["section"].get_children().specific().first().tags.get().slug
    expected = {
        content["section"].url: f"kind=section&section={content['section'].slug}",
        content["document"].url: f"kind=page&page={content['document'].pk}",
        content["procedure"].url: f"kind=page&page={content['procedure'].pk}",
        content["topic"].url: f"kind=topic&topic={tag_slug}",
        content["listing"].url + "?issuer=bo-tnmt": "kind=legal&issuer=bo-tnmt",
    }
    for url, query in expected.items():
        link = follow_link(client, url)
        assert link == f"/theo-doi/?{query}", url
        form = client.get(link)
        assert form.status_code == 200
        kind = query.split("&")[0].split("=")[1]
        assert re.search(rf'<input type="radio" name="kind" value="{kind}"[^>]* checked', form.text)


def test_without_javascript_a_citizen_picks_a_section_or_a_topic_from_lists(client, content):
    form = client.get("/theo-doi/").content.decode()
    sections = form.split('name="section"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{content["section"].slug}">Tin hoạt động</option>' in sections
    topics = form.split('name="topic"', 1)[1].split("</select>", 1)[0]
    assert f">{TAG}</option>" in topics
    # Only what can be chosen here is offered: a procedure is followed from its own page.
    assert 'value="page"' not in form


def test_a_topic_subscription_mails_the_next_news_of_the_topic(inbox, client, content, committed):
    tag_slug = content["section"].get_children().specific().first().tags.get().slug
    subscription = subscribe(inbox, client, kind="topic", topic=tag_slug)
    assert subscription.label == f"Chủ đề, chuyên trang: {TAG}"

    with committed():
        other = NewsPageFactory.build(title="Tin không thuộc chủ đề")
        content["section"].add_child(instance=other)
        other.save_revision().publish()
        item = NewsPageFactory.build(title="Trồng cây hưởng ứng Ngày Môi trường")
        content["section"].add_child(instance=item)
        item.tags.add(TAG)
        item.save_revision().publish()

    [message] = inbox.to(READER)
    assert "Trồng cây hưởng ứng Ngày Môi trường" in message["Subject"]
