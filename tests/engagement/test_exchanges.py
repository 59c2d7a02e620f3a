"""Online exchanges: questions asked at an exchange go through the same moderation; each answer
shows on the event page (and its JSON feed, for readers keeping it open) once approved; once
over, the exchange takes no more questions and its transcript is found by search."""

import datetime
import re

import pytest

from django.utils import timezone

from wagtail.models import Workflow

from portal.engagement import answering
from portal.engagement.models import ExchangePage, Question

from .conftest import QUESTION
from .test_answering import approve


def make_exchange(home, **times):
    now = timezone.now()
    page = ExchangePage(
        title="Giao lưu trực tuyến về đất đai",
        slug="giao-luu-dat-dai",
        leader="Bộ trưởng",
        starts_at=times.get("starts_at", now - datetime.timedelta(hours=1)),
        ends_at=times.get("ends_at", now + datetime.timedelta(hours=2)),
        topic="Cấp Giấy chứng nhận quyền sử dụng đất.",
        guests="Cục trưởng Cục Quản lý đất đai",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def exchange(home):
    return make_exchange(home)


def ask_at(client, exchange, **changes):
    form = client.get("/gui-cau-hoi/", {"exchange": exchange.pk}).content.decode()
    assert re.search(rf'name="exchange" value="{exchange.pk}"', form)
    return client.post("/gui-cau-hoi/", {**QUESTION, "exchange": exchange.pk, **changes})


def test_an_answer_shows_on_the_exchange_once_the_board_approves_it(
    client, staff, section, exchange
):
    assert ask_at(client, exchange).status_code == 302
    question = Question.objects.get()
    assert question.exchange == exchange
    page = answering.submit_answer(question, staff["editor"], "Không quá 20 ngày làm việc.")
    feed_url = f"/giao-luu-truc-tuyen/{exchange.pk}/tra-loi.json"

    assert "20 ngày làm việc" not in client.get(exchange.url).content.decode()
    assert client.get(feed_url).json()["answers"] == []

    approve(page, staff["board"])

    html = client.get(exchange.url).content.decode()
    assert "20 ngày làm việc" in html and question.title in html
    assert f'data-feed="{feed_url}"' in html, "the open page polls for new answers"
    feed = client.get(feed_url).json()
    assert [answer["code"] for answer in feed["answers"]] == [question.code]
    assert "20 ngày làm việc" in feed["answers"][0]["answer"]
    for secret in (QUESTION["email"], QUESTION["name"], QUESTION["phone"]):
        assert secret not in html and secret not in str(feed)


def test_through_the_api_too(client, home, exchange):
    response = client.post(
        "/api/questions/", {**QUESTION, "exchange": exchange.pk}, content_type="application/json"
    )
    assert response.status_code == 201
    assert Question.objects.get().exchange == exchange


def test_an_exchange_that_is_over_takes_no_more_questions(client, home):
    now = timezone.now()
    over = make_exchange(
        home, starts_at=now - datetime.timedelta(days=2), ends_at=now - datetime.timedelta(days=1)
    )
    response = client.post("/gui-cau-hoi/", {**QUESTION, "exchange": over.pk})
    assert response.status_code == 400
    assert "đã kết thúc" in response.content.decode()
    assert not Question.objects.exists()
    page = client.get(over.url).content.decode()
    assert "data-feed" not in page and "?exchange=" not in page


def test_an_unknown_exchange_is_a_400(client, home):
    response = client.post("/gui-cau-hoi/", {**QUESTION, "exchange": 99999})
    assert response.status_code == 400
    assert not Question.objects.exists()
    assert client.get("/giao-luu-truc-tuyen/99999/tra-loi.json").status_code == 404


def test_the_transcript_is_found_by_search(client, engine, committed, home, section, exchange):
    Workflow.objects.update(active=False)  # answers published at once
    ask_at(client, exchange, title="Hỏi về bồi thường khi thu hồi đất nông nghiệp")
    question = Question.objects.get()
    with committed():
        answering.submit_answer(question, answer="Bồi thường bằng đất có cùng mục đích sử dụng.")

    hits = client.get("/api/search/", {"q": "bồi thường thu hồi đất", "kind": "question"}).json()
    ids = {hit["id"] for hit in hits["results"]}
    assert f"GL-{exchange.pk}" in ids, "the exchange's transcript, with the new answer in it"
    assert question.code in ids
