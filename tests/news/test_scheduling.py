import datetime
from unittest import mock

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from portal.news.factories import NewsPageFactory


def draft(section, **fields):
    page = NewsPageFactory.build(live=False, **fields)
    section.add_child(instance=page)
    return page


def test_scheduled_item_goes_live_at_its_time(client, section):
    page = draft(section, slug="hen-gio", go_live_at=timezone.now() + datetime.timedelta(hours=2))
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get("/tin-hoat-dong/hen-gio/").status_code == 404

    # Three hours later the scheduler runs.
    later = timezone.now() + datetime.timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
        # Read at that hour too: before its go-live time a page is not public, live or not.
        answer = client.get("/tin-hoat-dong/hen-gio/")

    page.refresh_from_db()
    assert page.live
    assert answer.status_code == 200


def test_expired_item_is_taken_down(client, make_news):
    page = make_news(slug="het-han", expire_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get("/tin-hoat-dong/het-han/").status_code == 200

    later = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get("/tin-hoat-dong/het-han/").status_code == 404


def test_far_future_publish_date_without_schedule_is_refused_with_a_message(section):
    page = draft(section, slug="nam-sau")
    page.publish_date = timezone.now() + datetime.timedelta(days=365)

    with pytest.raises(ValidationError) as error:
        page.save_revision()

    [message] = error.value.message_dict["publish_date"]
    assert "tương lai" in message and "hẹn giờ" in message


def test_future_publish_date_is_fine_when_scheduled(section):
    later = timezone.now() + datetime.timedelta(days=30)
    page = draft(section, slug="co-hen-gio", go_live_at=later)
    page.publish_date = later
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
