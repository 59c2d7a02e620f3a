"""A question asked through the form or the API gets a code, is assigned, answered, approved by
the board through the Wagtail workflow, published, and found by search, with no trace of who
asked anywhere public."""

import re

import pytest

from django.urls import reverse

from portal.engagement import answering
from portal.engagement.models import AnswerPage, Question

from .conftest import QUESTION


def approve(page, user):
    """The board member approves the page's current task, as the admin's action does."""
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def ask_through_form(client, field):
    response = client.post(reverse("engagement:ask"), {**QUESTION, "field": field.slug})
    assert response.status_code == 302, response.content.decode()[:2000]
    code = re.search(r"/tra-cuu-ho-so/([^/]+)/", response["Location"]).group(1)
    return code


def ask_through_api(client, field):
    response = client.post(
        "/api/questions/", {**QUESTION, "field": field.slug}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    return response.json()["code"]


def public_texts(client, question, page):
    """Everything the public can get about the question: page, tracking page, API, search."""
    return {
        "page": client.get(page.url).content.decode(),
        "index": client.get(page.get_parent().url).content.decode(),
        "tracking": client.get(reverse("engagement:track", args=[question.code])).content.decode(),
        "api status": client.get(f"/api/questions/{question.code}/").content.decode(),
        "api list": client.get("/api/questions/").content.decode(),
        "api v2": client.get(f"/api/v2/pages/{page.pk}/").content.decode(),
        "search": client.get("/api/search/", {"q": "giấy chứng nhận lần đầu"}).content.decode(),
        "search page": client.get("/tim-kiem/", {"q": "giấy chứng nhận"}).content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }


@pytest.mark.parametrize("ask", [ask_through_form, ask_through_api], ids=["form", "api"])
def test_question_is_answered_approved_published_and_found(
    client, engine, committed, staff, section, field, unit, ask
):
    code = ask(client, field)
    question = Question.objects.get(code=code)
    assert question.status == "received"
    assert question.contact.email == QUESTION["email"]

    answering.assign(question, unit, staff["editor"])
    question.answer = "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."
    question.save()
    with committed():
        page = answering.submit_answer(question, staff["editor"])
    question.refresh_from_db()
    assert question.status == "in_review"
    assert not page.live
    assert client.get(f"/api/questions/{code}/").json()["answer"] is None

    with committed():
        approve(AnswerPage.objects.get(pk=page.pk), staff["board"])
    page = AnswerPage.objects.get(pk=page.pk)
    question.refresh_from_db()
    assert page.live
    assert question.status == "answered" and question.answered_at is not None
    steps = [step["status"] for step in client.get(f"/api/questions/{code}/").json()["history"]]
    assert steps == ["received", "assigned", "in_review", "answered"]

    hits = client.get("/api/search/", {"q": "giấy chứng nhận lần đầu", "kind": "question"}).json()
    assert [(hit["kind"], hit["id"]) for hit in hits["results"]] == [("question", code)]

    texts = public_texts(client, question, page)
    assert "20 ngày làm việc" in texts["page"]
    assert code in texts["api list"]
    for where, text in texts.items():
        for secret in (QUESTION["email"], QUESTION["name"], QUESTION["phone"]):
            assert secret not in text, f"{secret} is public in the {where}"


def test_the_asker_details_typed_into_the_question_are_redacted_for_publishing(client, home):
    text = "Tôi là Trần Thị Bình, email tran.thi.binh@example.vn, điện thoại 0987 654 321, xin hỏi."
    response = client.post(
        "/api/questions/", {**QUESTION, "text": text}, content_type="application/json"
    )
    question = Question.objects.get(code=response.json()["code"])
    assert question.text == text
    for secret in ("Trần Thị Bình", "tran.thi.binh@example.vn", "0987 654 321"):
        assert secret not in question.public_text


def test_without_a_workflow_the_answer_is_published_at_once(home, section, unit):
    from wagtail.models import Workflow

    from portal.engagement.factories import QuestionFactory

    Workflow.objects.update(active=False)
    question = QuestionFactory(answer="Trả lời ngay.")
    page = answering.submit_answer(question)
    question.refresh_from_db()
    assert AnswerPage.objects.get(pk=page.pk).live
    assert question.status == "answered"


def test_a_question_not_to_be_published_is_closed_privately(client, home):
    from portal.engagement.factories import QuestionFactory

    question = QuestionFactory()
    answering.close_privately(question, note="Đã trả lời bằng văn bản.")
    body = client.get(f"/api/questions/{question.code}/").json()
    assert body["status"] == "closed"
    assert body["title"] == ""
    assert body["answer"] is None


def test_a_question_marked_not_to_be_published_never_gets_a_page(home, section):
    from portal.engagement.factories import QuestionFactory

    question = QuestionFactory(answer="Trả lời riêng.", publishable=False)
    with pytest.raises(ValueError):
        answering.submit_answer(question)
    assert not AnswerPage.objects.exists()


HOSTILE_ANSWER = (
    '<p>Trả lời: <b>đúng hạn</b>.</p><script>alert("xss")</script>'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)" onclick="alert(3)">xem</a>'
)


def test_an_html_answer_goes_through_the_rich_text_whitelist(client, home, section, unit):
    from wagtail.models import Workflow

    from portal.engagement.factories import QuestionFactory

    Workflow.objects.update(active=False)
    question = QuestionFactory(answer=HOSTILE_ANSWER)
    page = answering.submit_answer(question)

    def answer_block(url, css_class):
        html = client.get(url).content.decode()
        return re.search(rf'<div class="{css_class}">(.*?)</div>', html, re.S).group(1)

    served = {
        "page": answer_block(page.url, "answer-text"),
        "tracking": answer_block(reverse("engagement:track", args=[question.code]), "answer"),
        "api status": client.get(f"/api/questions/{question.code}/").json()["answer"]["text"],
        "api list": client.get("/api/questions/").json()["results"][0]["answer"],
    }
    for where, text in served.items():
        assert "đúng hạn" in text, where
        for hostile in ("<script", "alert(", "onerror", "onclick", "javascript:"):
            assert hostile not in text, (where, hostile)


def test_the_board_previews_an_answer_page(client, home, section, unit, staff):
    from wagtail.models import Workflow

    from portal.engagement.factories import QuestionFactory
    from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory

    Workflow.objects.update(active=False)
    documents = LegalDocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=documents, number="31/2024/QH15")
    page = answering.submit_answer(QuestionFactory(answer="Theo Luật Đất đai."))
    page = AnswerPage.objects.get(pk=page.pk)
    page.cited_documents.set([document])
    revision = page.save_revision()
    client.force_login(staff["board"])

    response = client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")

    assert response.status_code == 200
    assert "Theo Luật Đất đai." in response.content.decode()
    assert "31/2024/QH15" in response.content.decode()
