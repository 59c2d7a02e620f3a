"""A flood from one address is a 429; the challenge blocks a form without its answer when on;
the honeypot stops bots; a trusted partner's key skips the challenge."""

import re

import pytest

from django.urls import reverse

from portal.engagement.models import Question, Report

from .conftest import QUESTION, REPORT


def test_the_rate_limit_answers_429_on_the_api_and_the_form(client, home, settings):
    settings.ENGAGEMENT_SUBMIT_RATE = "2/h"
    for _ in range(2):
        response = client.post("/api/reports/", REPORT, content_type="application/json")
        assert response.status_code == 201
    response = client.post("/api/reports/", REPORT, content_type="application/json")
    assert response.status_code == 429
    assert response.json()["detail"]
    form = client.post(reverse("engagement:ask"), QUESTION)
    assert form.status_code == 429
    assert 3500 < int(form["Retry-After"]) <= 3600
    assert Report.objects.count() == 2 and not Question.objects.exists()
    # Another address is not limited.
    other = client.post(
        "/api/reports/", REPORT, content_type="application/json", REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 201


def test_the_captcha_blocks_a_form_without_its_answer_when_on(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "on"
    page = client.get(reverse("engagement:ask")).content.decode()
    assert 'name="challenge_answer"' in page
    response = client.post(reverse("engagement:ask"), QUESTION)
    assert response.status_code == 400
    assert not Question.objects.exists()


def _solve(page):
    token = re.search(r'name="challenge_token" value="([^"]+)"', page).group(1)
    first, second = re.search(r"(\d) cộng (\d) bằng mấy", page).groups()
    return {"challenge_token": token, "challenge_answer": str(int(first) + int(second))}


def test_the_captcha_lets_a_right_answer_through_once(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "on"
    answer = _solve(client.get(reverse("engagement:ask")).content.decode())
    wrong = {**answer, "challenge_answer": str(int(answer["challenge_answer"]) + 1)}
    assert client.post(reverse("engagement:ask"), {**QUESTION, **wrong}).status_code == 400
    answer = _solve(client.get(reverse("engagement:ask")).content.decode())
    assert client.post(reverse("engagement:ask"), {**QUESTION, **answer}).status_code == 302
    # The same solved challenge cannot be replayed.
    assert client.post(reverse("engagement:ask"), {**QUESTION, **answer}).status_code == 400
    assert Question.objects.count() == 1


def test_the_api_needs_the_challenge_or_a_partner_key_when_on(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "on"
    settings.ENGAGEMENT_API_KEYS = ["khoa-doi-tac-1"]
    post = {"content_type": "application/json"}
    refused = client.post("/api/questions/", QUESTION, **post)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "challenge_answer"
    challenge = client.get("/api/challenge/").json()
    first, second = re.search(r"(\d) cộng (\d)", challenge["question"]).groups()
    solved = {
        **QUESTION,
        "challenge_token": challenge["token"],
        "challenge_answer": str(int(first) + int(second)),
    }
    assert client.post("/api/questions/", solved, **post).status_code == 201
    partner = client.post("/api/questions/", QUESTION, HTTP_X_API_KEY="khoa-doi-tac-1", **post)
    assert partner.status_code == 201
    wrong_key = client.post("/api/questions/", QUESTION, HTTP_X_API_KEY="doan-bua", **post)
    assert wrong_key.status_code == 400


@pytest.mark.parametrize("name", ["engagement:ask", "engagement:report"])
def test_the_honeypot_refuses_a_filled_form(client, home, name):
    data = {**(QUESTION if name == "engagement:ask" else REPORT), "website": "http://spam.example"}
    response = client.post(reverse(name), data)
    assert response.status_code == 400
    assert not Question.objects.exists() and not Report.objects.exists()
