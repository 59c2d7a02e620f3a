"""A legal document changed by a re-import or by the daily validity refresh reaches partners:
the API's conditional GET answers 200 with the change, the change feed lists it first, and the
page's history in the admin names the import."""

import datetime
import xml.etree.ElementTree as ET
from io import StringIO

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, Page, PageLogEntry

from portal.core.models import ContentEvent, ImportRun
from portal.legal.models import LegalDocumentPage, Validity

from .test_importer import run_import

ATOM = "{http://www.w3.org/2005/Atom}"
LAW = {
    "kind": "legal",
    "number": "31/2024/QH15",
    "title": "Luật Đất đai",
    "doc_type": "Luật",
    "issued": "2024-01-18",
    "effective": "2024-08-01",
}
DECREE = {
    "kind": "legal",
    "number": "102/2024/NĐ-CP",
    "title": "Nghị định quy định chi tiết Luật Đất đai",
    "issued": "2024-07-30",
    "effective": "2024-08-01",
    "expires": "2099-12-31",
}


def yesterday():
    """What was imported so far happened a day ago (HTTP dates count whole seconds)."""
    earlier = timezone.now() - datetime.timedelta(days=1)
    ContentEvent.objects.update(timestamp=earlier)
    ModelLogEntry.objects.update(timestamp=earlier)
    PageLogEntry.objects.update(timestamp=earlier)
    Page.objects.exclude(last_published_at=None).update(last_published_at=earlier)


def feed_titles(client):
    response = client.get("/api/feeds/legal/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def conditional_get(client, path):
    first = client.get(path)
    assert first.status_code == 200
    last_modified = first["Last-Modified"]
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    return last_modified


@pytest.mark.django_db
def test_reimport_with_a_new_title_reaches_api_and_feed(home, jsonl, client):
    assert run_import(jsonl([LAW, DECREE]))[0] == 0
    yesterday()
    path = "/api/legal/31/2024/QH15/"
    last_modified = conditional_get(client, path)
    assert feed_titles(client)[0].startswith("102/2024/NĐ-CP")

    status, out, err = run_import(
        jsonl([{**LAW, "title": "Luật Đất đai (sửa đổi)"}], "again.jsonl")
    )
    assert status == 0, err
    assert "1 updated" in out

    response = client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert response.json()["title"] == "Luật Đất đai (sửa đổi)"
    assert feed_titles(client)[0] == "31/2024/QH15 — Luật Đất đai (sửa đổi)"


@pytest.mark.django_db
def test_unchanged_reimport_touches_nothing(home, jsonl, client):
    run_import(jsonl([LAW]))
    yesterday()
    path = "/api/legal/31/2024/QH15/"
    last_modified = conditional_get(client, path)
    page = LegalDocumentPage.objects.get()
    events = ContentEvent.objects.count()

    assert "1 unchanged" in run_import(jsonl([LAW], "again.jsonl"))[1]
    assert ContentEvent.objects.count() == events
    assert LegalDocumentPage.objects.get().last_published_at == page.last_published_at
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


@pytest.mark.django_db
def test_validity_refresh_reaches_api_feed_and_history(home, jsonl, client, admin_client):
    run_import(jsonl([LAW, DECREE]))
    decree = LegalDocumentPage.objects.get(number="102/2024/NĐ-CP")
    # The decree's expiry date passes: the daily refresh finds it expired.
    LegalDocumentPage.objects.filter(pk=decree.pk).update(expires=datetime.date(2025, 1, 1))
    yesterday()
    path = "/api/legal/102/2024/ND-CP/"
    last_modified = conditional_get(client, path)
    assert client.get(path).json()["validity"] == Validity.IN_FORCE
    # The law, not the decree, is the latest change in the feed now.
    LegalDocumentPage.objects.filter(number=LAW["number"]).update(last_published_at=timezone.now())
    assert feed_titles(client)[0].startswith("31/2024/QH15")

    out = StringIO()
    call_command("update_legal_validity", stdout=out)
    assert out.getvalue().startswith("1 ")

    response = client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert response.json()["validity"] == Validity.EXPIRED
    assert feed_titles(client)[0].startswith("102/2024/NĐ-CP")
    event = ContentEvent.objects.latest("id")
    assert (event.action, event.key, event.actor) == (
        "validity_changed",
        "102/2024/NĐ-CP",
        "update_legal_validity",
    )
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[decree.pk]))
    assert "Tình trạng hiệu lực: con_hieu_luc → het_hieu_luc" in history.content.decode() or (
        "Tình trạng hiệu lực:" in history.content.decode()
    )


@pytest.mark.django_db
def test_page_history_shows_the_import(home, jsonl, admin_client):
    path = jsonl([LAW], "luat-dat-dai.jsonl")
    run_import(path)
    run_import(jsonl([{**LAW, "title": "Luật Đất đai 2024"}], "sua-doi.jsonl"))
    page = LegalDocumentPage.objects.get()
    runs = list(ImportRun.objects.order_by("pk"))

    response = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"tệp luat-dat-dai.jsonl, lần nhập #{runs[0].pk}" in content
    assert f"tệp sua-doi.jsonl, lần nhập #{runs[1].pk} (title)" in content
    entries = PageLogEntry.objects.filter(page=page).order_by("pk")
    assert [entry.action for entry in entries] == [
        "wagtail.create",
        "portal.import",
        "portal.import",
    ]


@pytest.mark.django_db
def test_import_runs_report_lists_runs_and_rejected_lines(home, jsonl, admin_client):
    path = jsonl([LAW, '{"kind": "legal", "number": "1/2024/QH15"}'])
    run_import(path)
    run = ImportRun.objects.get()
    assert (run.created, run.rejected) == (1, 1)
    listing = admin_client.get(reverse("import_runs:index"))
    assert listing.status_code == 200
    assert "import.jsonl" in listing.content.decode()
    detail = admin_client.get(reverse("import_runs:inspect", args=[run.pk]))
    assert detail.status_code == 200
    assert f"{path}:2: title: required key is missing" in detail.content.decode()


@pytest.mark.django_db
def test_a_line_that_fails_leaves_no_event(home, jsonl):
    bad = {**LAW, "number": "2/2024/QH15", "effective": "2023-01-01"}  # before it was issued
    status, _, err = run_import(jsonl([LAW, bad]))
    assert status == 1 and "effective" in err
    events = ContentEvent.objects.filter(kind="legal.legaldocumentpage")
    assert list(events.values_list("key", "action")) == [("31/2024/QH15", "created")]


@pytest.mark.django_db
def test_an_article_edit_is_a_change_of_its_document(home, jsonl, client):
    run_import(jsonl([{**LAW, "articles": [{"number": "1", "text": "Phạm vi điều chỉnh."}]}]))
    yesterday()
    page = LegalDocumentPage.objects.get()
    before = page.last_published_at
    article = page.articles.get()
    article.text = "Luật này quy định về chế độ sở hữu đất đai."
    article.save()
    page.refresh_from_db()
    assert page.last_published_at > before
    event = ContentEvent.objects.latest("id")
    assert (event.action, event.changes, event.key) == ("changed", ["articles"], LAW["number"])
    assert feed_titles(client)[0].startswith(LAW["number"])


@pytest.mark.django_db
def test_scheduled_publishing_is_recorded_by_the_cron(make_document):
    page = make_document(number="5/2025/TT-BTNMT", title="Thông tư về đo đạc")
    page.title = "Thông tư về đo đạc và bản đồ"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert not ContentEvent.objects.filter(page_id=page.pk, action="changed").exists()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", stdout=StringIO())
    event = ContentEvent.objects.filter(page_id=page.pk).latest("id")
    assert (event.action, event.key) == ("changed", "5/2025/TT-BTNMT")
    assert LegalDocumentPage.objects.get(pk=page.pk).title == "Thông tư về đo đạc và bản đồ"
