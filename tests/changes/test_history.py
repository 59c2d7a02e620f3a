"""Honest change history: an editor says what kind of change a publication was; a correction
is announced at the top of the page for 30 days, listed in "Lịch sử cập nhật", carried by the
change feed and mailed to the page's followers (real SMTP server)."""

import datetime

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.changes.models import ChangeNote
from portal.core.factories import AgencyFactory
from portal.disclosure.importers import collection
from portal.disclosure.models import DisclosureDocumentPage
from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.models import LegalDocumentPage
from tests.alerts.test_sending import READER, subscribe

pytestmark = pytest.mark.django_db

NOTE = "Sửa ngày hiệu lực: 01/07/2026, không phải 01/06/2026."


def publish_change(page, committed, **fields):
    """The editor publishes a new version of a live page (through Wagtail)."""
    with committed():
        for name, value in fields.items():
            setattr(page, name, value)
        revision = page.save_revision()
        revision.publish()
    return LegalDocumentPage.objects.get(pk=page.pk), revision


def note_url(page, revision):
    return f"/admin/changes/{page.pk}/{revision.pk}/"


def test_a_correction_shows_its_notice_lists_its_note_and_mails_the_followers(
    inbox, client, admin_client, legal_index, committed
):
    with committed():
        page = LegalDocumentPageFactory(
            parent=legal_index, issuer=AgencyFactory(), doc_type="Thông tư", live=False
        )
        page.save_revision().publish()
    subscribe(inbox, client, kind="page", page=page.pk)
    page, revision = publish_change(
        LegalDocumentPage.objects.get(pk=page.pk), committed, abstract="Ngày hiệu lực đã sửa"
    )
    inbox.messages.clear()

    with committed():
        response = admin_client.post(note_url(page, revision), {"kind": "correction", "note": NOTE})
    assert response.status_code == 302

    [message] = inbox.to(READER)
    assert f"{page.title}: Đính chính: {NOTE}" in message.get_body(("plain",)).get_content()
    html = client.get(page.url).content.decode()
    notice, history = html.split('class="correction-notice"')[1], html.split("Lịch sử cập nhật")[1]
    assert NOTE in notice.split("</section>")[0]
    assert "Đính chính</strong>: " + NOTE in history
    feed = client.get("/api/feeds/legal/").content.decode()
    assert f"Đính chính {datetime.date.today():%d/%m/%Y}: {NOTE}" in feed


def test_a_correction_notice_leaves_the_top_after_30_days_but_stays_in_the_history(
    client, admin_client, legal_index, committed
):
    page = LegalDocumentPageFactory(parent=legal_index, issuer=AgencyFactory())
    page, revision = publish_change(page, committed, abstract="Bản sửa")
    with committed():
        admin_client.post(note_url(page, revision), {"kind": "correction", "note": NOTE})
        ChangeNote.objects.update(
            created_at=ChangeNote.objects.get().created_at - datetime.timedelta(days=31)
        )

    html = client.get(page.url).content.decode()
    assert 'class="correction-notice"' not in html
    assert NOTE in html.split("Lịch sử cập nhật")[1]


def test_a_minor_change_is_not_listed_and_a_major_one_without_a_note_is_refused(
    client, admin_client, legal_index, committed
):
    page = LegalDocumentPageFactory(parent=legal_index, issuer=AgencyFactory())
    page, revision = publish_change(page, committed, abstract="Sửa lỗi chính tả")

    refused = admin_client.post(note_url(page, revision), {"kind": "major", "note": " "})
    assert refused.status_code == 400
    assert "cần một dòng ghi chú công khai" in refused.content.decode()
    assert not ChangeNote.objects.exists()
    with committed():
        assert admin_client.post(note_url(page, revision), {"kind": "minor"}).status_code == 302

    assert "Lịch sử cập nhật" not in client.get(page.url).content.decode()


def test_publishing_a_change_in_the_editor_asks_what_kind_of_change_it_was(admin_client, home):
    page = DisclosureDocumentPage(
        title="Dự toán 2026", slug="du-toan", category="budget", period="2026"
    )
    collection(None).add_child(instance=page)
    page.save_revision().publish()
    data = nested_form_data(
        {
            "title": "Dự toán ngân sách 2026",
            "slug": "du-toan",
            "category": "budget",
            "period": "2026",
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    revision = DisclosureDocumentPage.objects.get(pk=page.pk).live_revision
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == note_url(page, revision)
    form = admin_client.get(response["Location"]).content.decode()
    assert "Đính chính" in form and 'name="note"' in form
