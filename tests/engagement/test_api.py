"""The submission API: 201 with a code, the common error shape, 404 for unknown codes, 400 for
malformed ones (in the client's language), nothing half-saved, all in the OpenAPI document."""

import pytest

from portal.engagement.factories import QuestionFactory, ReportFactory
from portal.engagement.models import Contact, Question, Report, StatusChange

from .conftest import QUESTION, REPORT


def post(client, path, body, **headers):
    return client.post(path, body, content_type="application/json", **headers)


def test_a_report_gets_a_code_and_its_history_is_visible_by_code(client, home):
    response = post(client, "/api/reports/", REPORT)
    assert response.status_code == 201
    code = response.json()["code"]
    assert code.startswith("PA-")
    body = client.get(f"/api/reports/{code}/").json()
    assert body["status"] == "received"
    assert body["category"] == "water"
    assert [step["status"] for step in body["history"]] == ["received"]
    assert REPORT["email"] not in str(body) and REPORT["name"] not in str(body)


def test_a_code_is_found_whatever_its_case_and_dashes(client, home):
    question = QuestionFactory()
    typed = question.code.replace("-", "").lower()
    assert client.get(f"/api/questions/{typed}/").json()["code"] == question.code


@pytest.mark.parametrize(
    "change, field",
    [
        ({"consent": False}, "consent"),
        ({"province": "Sao Hỏa"}, "province"),
        ({"email": "khong-phai-email"}, "email"),
        ({"text": "x" * 5001}, "text"),
        ({"text": ""}, "text"),
        ({"field": "khong-co-linh-vuc"}, "field"),
    ],
)
def test_a_bad_question_is_a_400_naming_the_field_and_nothing_is_saved(client, home, change, field):
    response = post(client, "/api/questions/", {**QUESTION, **change})
    assert response.status_code == 400
    body = response.json()
    assert field in [error["field"] for error in body["errors"]]
    assert body["detail"]
    assert not Question.objects.exists() and not Contact.objects.exists()


def test_an_unknown_category_is_a_400(client, home):
    response = post(client, "/api/reports/", {**REPORT, "category": "ufo"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "category"
    assert not Report.objects.exists() and not StatusChange.objects.exists()


def test_malformed_json_is_a_400_never_a_500(client, home):
    response = client.post("/api/questions/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_unknown_code_is_404_and_malformed_code_400_in_the_users_language(client, home):
    unknown = client.get("/api/reports/PA-0000-0000/")
    assert unknown.status_code == 404
    assert "Không tìm thấy" in unknown.json()["detail"]
    malformed = client.get("/api/reports/abc/")
    assert malformed.status_code == 400
    assert malformed.json()["errors"][0]["field"] == "code"
    assert "không đúng dạng" in malformed.json()["detail"]
    english = client.get("/api/reports/abc/", HTTP_ACCEPT_LANGUAGE="en")
    assert "not in the right form" in english.json()["detail"]
    # A question's code is not a report's.
    question = QuestionFactory()
    assert client.get(f"/api/reports/{question.code}/").status_code == 404
    assert client.get(f"/api/questions/{ReportFactory().code}/").status_code == 404


def test_published_answers_filter_by_field_and_year(client, home):
    response = client.get("/api/questions/", {"year": 2025})
    assert response.status_code == 200
    assert response.json()["total"] == 0
    assert client.get("/api/questions/", {"field": "khong-co"}).status_code == 400
    assert client.get("/api/questions/", {"year": "nam-nay"}).status_code == 400


def test_the_endpoints_are_in_the_openapi_document(client, db):
    paths = client.get("/api/schema/").json()["paths"]
    for path, method in [
        ("/api/questions/", "post"),
        ("/api/questions/", "get"),
        ("/api/questions/{code}/", "get"),
        ("/api/reports/", "post"),
        ("/api/reports/{code}/", "get"),
        ("/api/challenge/", "get"),
    ]:
        assert method in paths[path], path
    assert "201" in paths["/api/reports/"]["post"]["responses"]
    assert "429" in paths["/api/questions/"]["post"]["responses"]
