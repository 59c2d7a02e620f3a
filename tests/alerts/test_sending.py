"""Alerts follow the content event log: a matching change reaches the subscriber once, by real
SMTP, described in words; a refusing mail server loses nothing and blocks no publishing; one
POST to the List-Unsubscribe address ends it all."""

import datetime
import threading

import pytest

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from portal.alerts.digests import build_digests
from portal.alerts.following import target_from
from portal.alerts.matching import work
from portal.alerts.models import Match, OutgoingEmail, Subscriber, Subscription
from portal.alerts.sending import MAX_ATTEMPTS, send_due
from portal.core.factories import AgencyFactory
from portal.core.publishing import consumers
from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.models import LegalDocumentPage, LegalRelation
from portal.legal.validity import refresh_validity

READER = "ban-doc@example.vn"


def subscribe(inbox, client, email=READER, frequency="immediate", form="/theo-doi/", **target):
    """Ask through the public form and click the confirmation link, as a person does."""
    response = client.post(form, {"email": email, "frequency": frequency, **target})
    assert response.status_code == 200, response.content.decode()
    [message] = inbox.to(email)[-1:]
    [link] = inbox.links(message, "/theo-doi/xac-nhan/")
    assert client.get(link).status_code == 200
    inbox.messages.clear()
    return Subscription.objects.get(subscriber__email=email)


@pytest.fixture
def ministry(legal_index, committed):
    issuer = AgencyFactory(name="Bộ Tài nguyên và Môi trường", slug="bo-tnmt")
    publish_circular(legal_index, committed, issuer)
    return issuer


def publish_circular(legal_index, committed, issuer, **fields):
    """An editor publishes a circular (through Wagtail, so the content event log records it)."""
    with committed():
        page = LegalDocumentPageFactory(
            parent=legal_index, issuer=issuer, doc_type="Thông tư", live=False, **fields
        )
        page.save_revision().publish()
    return LegalDocumentPage.objects.get(pk=page.pk)


def test_a_matching_legal_document_published_is_mailed_at_once_in_words_and_html(
    inbox, client, legal_index, committed, ministry
):
    subscribe(inbox, client, kind="legal", filter_doc_type="Thông tư", filter_issuer="bo-tnmt")

    page = publish_circular(
        legal_index, committed, ministry, title="Thông tư về quan trắc môi trường"
    )
    publish_circular(legal_index, committed, AgencyFactory(slug="bo-khac"))  # does not match

    [message] = inbox.to(READER)
    assert "Thông tư về quan trắc môi trường" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert f"{page.title}: Mới đăng" in text
    assert f'<a href="http://localhost{page.url}">{page.title}</a>: Mới đăng' in html
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/theo-doi/huy/" in message["List-Unsubscribe"]


def test_a_followed_document_that_expires_is_mailed_as_het_hieu_luc(
    inbox, client, legal_index, committed, ministry
):
    page = publish_circular(legal_index, committed, ministry, expires=datetime.date(2030, 6, 30))
    subscribe(inbox, client, kind="page", page=page.pk)

    with committed():
        refresh_validity(today=datetime.date(2030, 7, 1))

    [message] = inbox.to(READER)
    text = message.get_body(("plain",)).get_content()
    assert "Hết hiệu lực toàn bộ" not in text
    assert "Hết hiệu lực từ 30/06/2030" in text


def test_a_replacement_is_mailed_to_followers_of_the_replaced_document(
    inbox, client, legal_index, committed, ministry
):
    old = publish_circular(legal_index, committed, ministry, number="10/2020/TT-BTNMT")
    subscribe(inbox, client, kind="page", page=old.pk)

    with committed():
        new = LegalDocumentPageFactory(
            parent=legal_index, issuer=ministry, number="12/2026/TT-BTNMT", live=False
        )
        new.relations.add(LegalRelation(relation_type="replaces", target_number=old.number))
        new.save_revision().publish()

    texts = [m.get_body(("plain",)).get_content() for m in inbox.to(READER)]
    assert any(f"{old.title}: Bị thay thế bởi 12/2026/TT-BTNMT" in text for text in texts)


def test_a_refusing_mail_server_blocks_no_publishing_and_loses_no_alert(
    inbox, client, legal_index, committed, ministry
):
    subscribe(inbox, client, kind="legal", filter_issuer="bo-tnmt")
    inbox.refusing = True

    page = publish_circular(legal_index, committed, ministry)

    assert LegalDocumentPage.objects.get(pk=page.pk).live
    email = OutgoingEmail.objects.get()
    assert email.status == "pending" and email.attempts == 1 and "451" in email.last_error
    inbox.refusing = False
    OutgoingEmail.objects.update(next_attempt_at=email.created_at)
    assert send_due().sent == 1
    assert len(inbox.to(READER)) == 1
    assert send_due().sent == 0


def test_one_post_to_the_list_unsubscribe_address_ends_everything(
    inbox, client, legal_index, committed, ministry
):
    subscribe(inbox, client, kind="legal", filter_issuer="bo-tnmt")
    publish_circular(legal_index, committed, ministry)
    [message] = inbox.to(READER)
    url = message["List-Unsubscribe"].strip().strip("<>")

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    inbox.messages.clear()
    publish_circular(legal_index, committed, ministry)
    assert inbox.messages == []


def test_a_daily_digest_groups_the_days_changes_in_one_email(
    inbox, client, legal_index, committed, ministry
):
    subscribe(inbox, client, kind="legal", frequency="daily", filter_issuer="bo-tnmt")
    first = publish_circular(legal_index, committed, ministry, title="Thông tư thứ nhất")
    second = publish_circular(legal_index, committed, ministry, title="Thông tư thứ hai")
    assert inbox.messages == []  # nothing before the digest

    tomorrow = Match.objects.latest("pk").created_at + datetime.timedelta(days=1)

    assert build_digests("daily", now=tomorrow).subscribers == 1
    build_digests("daily", now=tomorrow)  # a second run adds nothing
    send_due()

    [message] = inbox.to(READER)
    text = message.get_body(("plain",)).get_content()
    assert first.title in text and second.title in text
    assert OutgoingEmail.objects.count() == 1


# Committed for real: two workers, each with its own database connection, read the same log and
# the same outbox at once.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_each_alert_once(inbox, home, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    from portal.legal.factories import LegalDocumentIndexPageFactory

    index = LegalDocumentIndexPageFactory(parent=home)
    page = LegalDocumentPageFactory(parent=index, live=False)
    page.save_revision().publish()
    readers = [f"ban-doc-{n}@example.vn" for n in range(6)]
    target = target_from("page", page=page.pk)
    for email in readers:
        subscriber = Subscriber.objects.create(email=email)
        Subscription.objects.create(
            subscriber=subscriber,
            kind="page",
            query=target.query,
            query_key=target.key,
            label=target.label,
        )
    page = LegalDocumentPage.objects.get(pk=page.pk)
    page.title = "Thông tư đã sửa đổi"
    page.save_revision().publish()
    start = threading.Barrier(2)
    errors = []

    def worker():
        try:
            start.wait()
            work()
        except Exception as error:  # reported below, with the thread's traceback gone
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # A turn that found the database busy is retried later: nothing is lost.
    later = timezone.now() + datetime.timedelta(hours=2)
    consumers.run_consumer("alerts", now=later)
    send_due(now=later)

    assert errors == []
    for email in readers:
        assert len(inbox.to(email)) == 1, email
    assert OutgoingEmail.objects.filter(status="sent").count() == len(readers)


def test_sending_keeps_to_the_rate_and_counts_failures_in_the_admin(
    inbox, client, legal_index, committed, ministry, settings, admin_client
):
    settings.ALERTS_SEND_RATE = 2
    cache.clear()
    page = publish_circular(legal_index, committed, ministry)
    target = target_from("page", page=page.pk)
    for n in range(5):
        subscriber = Subscriber.objects.create(email=f"doc-gia-{n}@example.vn")
        Subscription.objects.create(
            subscriber=subscriber,
            kind="page",
            query=target.query,
            query_key=target.key,
            label=target.label,
        )
    inbox.refusing = True
    with committed():
        page.save_revision().publish()  # changed: five alerts, all refused at first

    assert OutgoingEmail.objects.filter(status="pending", attempts=1).count() == 2
    assert OutgoingEmail.objects.filter(attempts=0).count() == 3  # over the minute's quota
    OutgoingEmail.objects.update(attempts=MAX_ATTEMPTS - 1)
    cache.clear()  # the next minute
    report = send_due(now=timezone.now() + datetime.timedelta(days=1))

    assert (report.failed, report.rate_limited) == (2, True)
    home = admin_client.get("/admin/").content.decode()
    assert "2 thư theo dõi gửi thất bại" in home


def test_an_english_subscriber_gets_the_alert_in_english(
    inbox, client, legal_index, committed, ministry
):
    subscribe(inbox, client, form="/en/theo-doi/", kind="legal", filter_issuer="bo-tnmt")

    page = publish_circular(legal_index, committed, ministry)

    [message] = inbox.to(READER)
    text = message.get_body(("plain",)).get_content()
    assert f"{page.title}: New" in text and "Unsubscribe:" in text
    assert "/en/theo-doi/huy/" in message["List-Unsubscribe"]
