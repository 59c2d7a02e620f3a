"""Comments on a draft: moderated, published without personal data, answered in the summary;
closed by the clock; refused with a 4xx naming the field, nothing half-saved."""

import datetime

import pytest

from django.urls import reverse

from portal.drafts.commenting import Refused, submit_comment
from portal.drafts.models import DraftComment

from .conftest import close

PERSON = {
    "name": "Nguyễn Văn Góp",
    "organisation": "Hợp tác xã Môi trường Xanh",
    "email": "gop.y@example.vn",
}
COMMENT = {
    **PERSON,
    "article": "2",
    "text": "Đề nghị bổ sung tổ chức quan trắc tư nhân vào Điều 2.",
    "consent": True,
}


def comments_url(draft):
    return f"/api/drafts/{draft.pk}/comments/"


def post(client, draft, body):
    return client.post(comments_url(draft), body, content_type="application/json")


def shows_no_personal_data(text):
    return not any(value in text for value in PERSON.values())


def test_a_comment_on_an_article_is_moderated_published_without_personal_data_and_answered(
    client, admin_client, draft
):
    response = post(client, draft, COMMENT)
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    assert code.startswith("YK-")
    assert COMMENT["text"] not in client.get(draft.url).content.decode(), "pre-moderation"

    comment = DraftComment.objects.get(code=code)
    assert comment.article.number == "2" and comment.status == "pending"
    edit = reverse("wagtailsnippets_drafts_draftcomment:edit", args=[comment.pk])
    response = admin_client.post(
        edit, {"public_text": comment.public_text, "status": "published", "reception": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert comment.moderated_at is not None

    page = client.get(draft.url).content.decode()
    assert COMMENT["text"] in page and f'id="{comment.anchor}"' in page
    assert shows_no_personal_data(page)
    detail = client.get(f"/api/drafts/{draft.pk}/").content.decode()
    assert code in detail and shows_no_personal_data(detail)
    assert shows_no_personal_data(client.get("/api/feeds/drafts/").content.decode())

    close(draft)
    draft.summary = "<p>Tiếp thu 1 ý kiến.</p>"
    draft.save_revision().publish()
    comment.reception, comment.response = "accepted", "Đã bổ sung vào Điều 2."
    comment.save()

    page = client.get(draft.url).content.decode()
    assert "Tiếp thu 1 ý kiến." in page and "Đã bổ sung vào Điều 2." in page
    assert f'href="#{comment.anchor}"' in page, "the summary links the comment"
    assert f'href="#{comment.response_anchor}"' in page, "the comment links its answer"
    assert shows_no_personal_data(page)
    detail = client.get(f"/api/drafts/{draft.pk}/").json()
    assert detail["summary_published"] and detail["comments"][0]["reception"] == "accepted"


def test_the_summary_stays_unpublished_while_the_period_runs(client, draft):
    draft.summary = "<p>Báo cáo tổng hợp sớm.</p>"
    draft.save_revision().publish()
    assert "Báo cáo tổng hợp sớm." not in client.get(draft.url).content.decode()


def test_commenting_closes_by_itself_at_the_periods_end(client, draft):
    data = {**PERSON, "text": COMMENT["text"], "article": ""}
    assert submit_comment(draft, data, now=draft.closes_at - datetime.timedelta(seconds=1))
    with pytest.raises(Refused) as refused:
        submit_comment(draft, data, now=draft.closes_at)
    assert refused.value.field == "draft" and refused.value.status == 409
    assert draft.status(draft.closes_at) == "closed"

    close(draft)
    before = DraftComment.objects.count()
    response = post(client, draft, COMMENT)
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "draft"
    assert client.post(reverse("drafts:comment", args=[draft.pk]), COMMENT).status_code == 409
    assert "Góp ý Điều" not in client.get(draft.url).content.decode()
    listed = client.get("/api/drafts/", {"status": "closed"}).json()["results"]
    assert [item["id"] for item in listed] == [draft.pk]
    assert DraftComment.objects.count() == before


@pytest.mark.parametrize(
    "change, field",
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"consent": False}, "consent"),
        ({"email": "khong-phai-email"}, "email"),
        ({"name": "", "organisation": ""}, "name"),
        ({"article": "99"}, "article"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_saved(client, draft, change, field):
    response = post(client, draft, {**COMMENT, **change})
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field
    assert not DraftComment.objects.exists()


def test_a_missing_consent_and_an_unpublished_draft_are_refused(client, draft):
    body = {key: value for key, value in COMMENT.items() if key != "consent"}
    response = post(client, draft, body)
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "consent"
    draft.unpublish()
    assert post(client, draft, COMMENT).status_code == 404
    assert not DraftComment.objects.exists()


def test_the_web_form_takes_a_comment_on_an_article(client, draft):
    url = reverse("drafts:comment", args=[draft.pk])
    assert 'value="2"' in client.get(url, {"dieu": "2"}).content.decode()
    response = client.post(url, {**COMMENT, "consent": "on"})
    assert response.status_code == 200
    comment = DraftComment.objects.get()
    assert comment.code in response.content.decode() and comment.article.number == "2"
    response = client.post(url, {**COMMENT, "consent": "on", "text": ""})
    assert response.status_code == 400 and DraftComment.objects.count() == 1
