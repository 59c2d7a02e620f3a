"""Moderated comments on news: off unless editors turn them on for a section; each waits for an
editor to publish it; the news page shows name, date and text, never the email; the form has
the rate limit, honeypot and challenge of the other forms."""

import re

import pytest

from django.core.cache import cache
from django.urls import reverse

from portal.alerts.following import query_key
from portal.alerts.models import Match, Subscriber, Subscription
from portal.core.models import ContentEvent
from portal.core.publishing import consumers
from portal.engagement.models import Comment, CommentSection
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from tests.core.test_page_cache import PurgeRecorder, proxy, purge_consumer, use_proxy  # noqa: F401

COMMENT = {
    "name": "Bạn đọc Hà Nội",
    "email": "ban.doc@example.vn",
    "text": "Đề nghị công bố rõ lịch kiểm tra các cơ sở xả thải.",
    "consent": "on",
}


@pytest.fixture
def news(home):
    section = news_section("Tin hoạt động")
    page = NewsPageFactory.build(title="Hội nghị về môi trường", slug="hoi-nghi-moi-truong")
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def comments_on(news):
    return CommentSection.objects.create(section=news.get_parent())


def comment_url(page):
    return reverse("engagement:comment", args=[page.pk])


def test_comments_are_off_by_default(client, news):
    assert "Gửi bình luận" not in client.get(news.url).content.decode()
    assert client.get(comment_url(news)).status_code == 404
    assert client.post(comment_url(news), COMMENT).status_code == 404
    assert not Comment.objects.exists()


def test_a_comment_waits_for_an_editor_and_never_shows_the_email(
    client, admin_client, news, comments_on
):
    page = client.get(news.url).content.decode()
    assert comment_url(news) in page
    assert client.get(comment_url(news)).status_code == 200

    response = client.post(comment_url(news), COMMENT)
    assert response.status_code == 302
    waiting = client.get(response["Location"]).content.decode()
    assert "sau khi biên tập viên duyệt" in waiting
    assert COMMENT["text"] not in waiting, "pre-moderation: nothing shows before an editor"
    comment = Comment.objects.get()
    assert comment.status == "pending"

    edit = reverse("wagtailsnippets_engagement_comment:edit", args=[comment.pk])
    response = admin_client.post(
        edit, {"name": comment.name, "text": comment.text, "status": "published"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert comment.moderated_at is not None

    page = client.get(news.url).content.decode()
    assert COMMENT["text"] in page and COMMENT["name"] in page
    assert COMMENT["email"] not in page


def test_a_refused_comment_stays_hidden(client, admin_client, news, comments_on):
    client.post(comment_url(news), COMMENT)
    comment = Comment.objects.get()
    admin_client.post(
        reverse("wagtailsnippets_engagement_comment:edit", args=[comment.pk]),
        {"name": comment.name, "text": comment.text, "status": "rejected"},
    )
    assert COMMENT["text"] not in client.get(news.url).content.decode()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"website": "http://spam.example"}, ""),
        ({"text": ""}, ""),
        ({"consent": ""}, "đồng ý"),
        ({"email": "khong-phai-email"}, ""),
    ],
    ids=["honeypot", "empty", "no-consent", "bad-email"],
)
def test_bad_comments_are_refused_and_nothing_saved(client, news, comments_on, change, message):
    response = client.post(comment_url(news), {**COMMENT, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_the_challenge_and_the_rate_limit_apply(client, news, comments_on, settings):
    settings.ENGAGEMENT_CAPTCHA = "on"
    form = client.get(comment_url(news)).content.decode()
    token = re.search(r'name="challenge_token" value="([^"]+)"', form).group(1)
    response = client.post(comment_url(news), {**COMMENT, "challenge_token": token})
    assert response.status_code == 400 and not Comment.objects.exists()

    settings.ENGAGEMENT_CAPTCHA = "off"
    settings.ENGAGEMENT_SUBMIT_RATE = "1/h"
    cache.clear()  # the refused attempt above counted too
    assert client.post(comment_url(news), COMMENT).status_code == 302
    limited = client.post(comment_url(news), COMMENT)
    assert limited.status_code == 429 and "Retry-After" in limited
    assert Comment.objects.count() == 1


def test_retention_erases_a_commenters_email_and_keeps_the_comment(news, settings):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    settings.ENGAGEMENT_RETENTION_DAYS = {"question": 30, "report": 60, "comment": 30}
    old = Comment.objects.create(
        page=news,
        name="A",
        email="cu@example.vn",
        text="Bình luận cũ.",
        created_at=timezone.now() - datetime.timedelta(days=40),
    )
    recent = Comment.objects.create(page=news, name="B", email="moi@example.vn", text="Mới.")
    call_command("erase_personal_data")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.text == "Bình luận cũ."
    assert recent.email == "moi@example.vn"


def test_a_comment_an_editor_publishes_purges_its_page_from_the_front_proxy(
    client,
    admin_client,
    news,
    comments_on,
    settings,
    proxy,  # noqa: F811 (the front proxy fixture of tests/core/test_page_cache.py)
):
    client.post(comment_url(news), COMMENT)
    comment = Comment.objects.get()
    purge_consumer()
    use_proxy(settings, proxy.server_port)

    edit = reverse("wagtailsnippets_engagement_comment:edit", args=[comment.pk])
    admin_client.post(edit, {"name": comment.name, "text": comment.text, "status": "published"})
    [outcome] = consumers.run_consumers(["frontend_cache"])

    assert outcome.error == ""
    assert news.url in {path for _host, path in PurgeRecorder.purged}


def test_a_published_comment_sends_no_alert_to_the_pages_followers(
    client, admin_client, news, comments_on
):
    consumers.run_consumers(["alerts"])  # the news item's publication, before anyone follows
    follower = Subscriber.objects.create(email="ban-doc@example.vn")
    query = {"page": news.pk}
    Subscription.objects.create(
        subscriber=follower, kind="page", query=query, query_key=query_key(query), label="Tin"
    )
    client.post(comment_url(news), COMMENT)
    comment = Comment.objects.get()

    edit = reverse("wagtailsnippets_engagement_comment:edit", args=[comment.pk])
    admin_client.post(edit, {"name": comment.name, "text": comment.text, "status": "published"})
    [outcome] = consumers.run_consumers(["alerts"])

    assert outcome.error == "" and outcome.read >= 1
    assert not Match.objects.exists(), list(
        ContentEvent.objects.filter(id__in=Match.objects.values("event_id")).values_list(
            "kind", "changes"
        )
    )
