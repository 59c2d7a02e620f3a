"""Drafts are listed open and closed with filters, in the API, the feed, the OpenAPI document,
search (kind `draft`), alerts and the demo; the issued document and its draft link each other;
who commented is erased after the retention period."""

import datetime
import json

import pytest

from django.urls import reverse
from django.utils import timezone

from portal.alerts.following import target_from
from portal.drafts import demo
from portal.drafts.commenting import submit_comment
from portal.drafts.factories import DraftArticleFactory, DraftPageFactory
from portal.drafts.figures import per_agency
from portal.drafts.models import DraftComment, DraftPage
from portal.engagement.personal_data import erase_expired
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.statistics.dashboard import build_dashboard

from .conftest import close


def test_the_listing_and_the_api_filter_by_status_agency_and_field(client, index, draft):
    closed = DraftPageFactory(parent=index, title="Dự thảo Nghị định đã hết hạn")
    close(closed)
    page = client.get(index.url, {"status": "open"}).content.decode()
    assert draft.title in page and closed.title not in page
    listed = client.get("/api/drafts/", {"status": "open"}).json()
    assert [item["id"] for item in listed["results"]] == [draft.pk]
    assert listed["results"][0]["seconds_left"] > 0
    by_agency = client.get("/api/drafts/", {"agency": closed.drafting_unit.slug}).json()
    assert [item["id"] for item in by_agency["results"]] == [closed.pk]
    response = client.get("/api/drafts/", {"field": "khong-co"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "field"
    assert client.get("/api/drafts/", {"status": "sap-toi"}).status_code == 400


def test_the_feed_the_openapi_document_and_search_know_drafts(client, draft):
    assert draft.title in client.get("/api/feeds/drafts/").content.decode()
    paths = client.get("/api/schema/").json()["paths"]
    assert "/api/drafts/" in paths
    assert "201" in paths["/api/drafts/{draft_id}/comments/"]["post"]["responses"]
    (entry,) = draft.search_documents()
    assert entry.kind == "draft" and "Nội dung Điều 2 dự thảo." in entry.body


def test_the_issued_document_and_its_draft_link_each_other(client, home, draft):
    legal = LegalDocumentIndexPageFactory(parent=home)
    issued = LegalDocumentPageFactory(parent=legal, number="12/2026/TT-BNNMT")
    draft.issued_document = issued
    draft.save_revision().publish()
    assert issued.url in client.get(draft.url).content.decode()
    assert draft.url in client.get(issued.url).content.decode()


@pytest.mark.django_db
def test_the_demo_has_an_open_draft_with_comments_on_two_articles_and_a_closed_summary(home):
    demo.load()
    demo.load()
    opened, finished = (DraftPage.objects.get(slug=item["slug"]) for item in demo.DRAFTS)
    assert opened.is_open() and not finished.is_open() and finished.summary_published()
    on_articles = DraftComment.objects.filter(draft=opened).values_list("article__number")
    assert sorted(number for (number,) in on_articles) == ["1", "2"]
    figures = {row["agency"]: row for row in per_agency()}
    assert figures[opened.drafting_unit.name] == {
        "agency": opened.drafting_unit.name,
        "drafts": 2,
        "comments": 4,
    }


def test_a_draft_can_be_followed(draft):
    target = target_from("page", page=draft.pk)
    assert target.kind == "page" and target.label == draft.title


def test_who_commented_is_erased_after_the_retention_period_and_the_text_stays(draft):
    data = {"name": "Trần Thị Góp", "organisation": "", "email": "tran@example.vn"}
    text = "Đề nghị sửa Điều 1 cho rõ. Liên hệ tran@example.vn."
    comment = submit_comment(draft, {**data, "text": text})
    erase_expired(now=timezone.now() + datetime.timedelta(days=3650))
    comment.refresh_from_db()
    assert (comment.name, comment.organisation, comment.email) == ("", "", "")
    assert comment.public_text == "Đề nghị sửa Điều 1 cho rõ. Liên hệ […]."
    assert comment.text == comment.public_text  # the text as sent named them


def test_the_statistics_dashboard_counts_drafts_and_comments_per_agency(draft):
    submit_comment(draft, {"name": "A", "email": "a@example.vn", "text": "Góp ý chung."})
    tables = {table.id: table for table in build_dashboard({})["tables"]}
    assert tables["du-thao-lay-y-kien"].rows == [[draft.drafting_unit.name, 1, 1]]


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
def test_search_finds_a_draft_by_its_article_text_under_kind_draft(
    client, engine, committed, index
):
    with committed():
        draft = DraftPageFactory(parent=index, title="Dự thảo Thông tư về quan trắc nước mặt")
        DraftArticleFactory(page=draft, number="1", text="Tần suất quan trắc nước mặt định kỳ.")
        draft.save_revision().publish()
    found = client.get("/api/search/", {"q": "tần suất quan trắc", "kind": "draft"}).json()
    assert [(hit["kind"], hit["id"]) for hit in found["results"]] == [("draft", draft.slug)]
    page = client.get("/tim-kiem/", {"q": "tần suất quan trắc"}).content.decode()
    assert '<span class="search-hit__kind">Dự thảo lấy ý kiến</span>' in page


def test_staff_export_and_erase_a_commenters_data_by_the_comments_code(admin_client, draft):
    data = {"name": "Trần Thị Góp", "organisation": "", "email": "tran@example.vn"}
    comment = submit_comment(draft, {**data, "text": "Góp ý của Trần Thị Góp về Điều 1."})
    url = reverse("engagement_personal_data")

    exported = json.loads(
        admin_client.post(url, {"code": comment.code, "action": "export"}).content
    )
    assert exported["contact"]["email"] == "tran@example.vn"

    assert admin_client.post(url, {"code": comment.code, "action": "erase"}).status_code == 302
    comment.refresh_from_db()
    assert (comment.name, comment.email) == ("", "")
    assert "Trần Thị Góp" not in comment.text
