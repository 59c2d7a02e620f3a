"""Requests covering every engagement operation, for the served-schema test (tests/api)."""

import datetime

from portal.engagement.models import AnswerPage
from portal.engagement.structure import question_section

from .conftest import QUESTION, REPORT


def engagement_responses(client):
    """(response, method) pairs: successes and each documented error of every operation."""
    json = {"content_type": "application/json"}
    asked = client.post("/api/questions/", QUESTION, **json)
    reported = client.post("/api/reports/", REPORT, **json)
    question_code, report_code = asked.json()["code"], reported.json()["code"]
    question_section().add_child(
        instance=AnswerPage(
            title="Hỏi về đất",
            code=question_code,
            slug=question_code.lower(),
            question="Hỏi?",
            answer="<p>Trả lời.</p>",
            asked_on=datetime.date(2026, 1, 2),
            answered_on=datetime.date(2026, 1, 9),
        )
    ).save_revision().publish()
    return [
        (asked, "post"),
        (client.post("/api/questions/", {**QUESTION, "consent": False}, **json), "post"),
        (reported, "post"),
        (client.post("/api/reports/", {**REPORT, "category": "ufo"}, **json), "post"),
        (client.get(f"/api/questions/{question_code}/"), "get"),
        (client.get("/api/questions/HD-0000-0000/"), "get"),
        (client.get("/api/questions/khong-phai-ma/"), "get"),
        (client.get(f"/api/reports/{report_code}/"), "get"),
        (client.get("/api/reports/PA-0000-0000/"), "get"),
        (client.get("/api/questions/", {"year": 2026}), "get"),
        (client.get("/api/questions/", {"year": "x"}), "get"),
        (client.get("/api/questions/", {"page": 9}), "get"),
        (client.get("/api/challenge/"), "get"),
    ]
