"""The submission API: 201 with a code, the common error shape, 404 for unknown codes, 400 for
malformed ones (in the client's language), nothing half-saved, all in the OpenAPI document."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.engagement.factories import QuestionFactory, ReportFactory
from portal.engagement.models import Contact, Question, Report, ReportPhoto, StatusChange

from .conftest import QUESTION, REPORT, image_bytes


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


def photo_upload(name="anh.jpg", **options):
    return SimpleUploadedFile(name, image_bytes(**options), content_type="image/jpeg")


def test_a_report_with_photos_is_sent_as_a_multipart_form(client, admin_client, home):
    response = client.post(
        "/api/reports/", {**REPORT, "photos": [photo_upload("1.jpg"), photo_upload("2.png")]}
    )
    assert response.status_code == 201, response.content
    report = Report.objects.get(code=response.json()["code"])
    assert [(photo.width, photo.height) for photo in report.photos.all()] == [(64, 48)] * 2
    # Staff see them; the public status never mentions them.
    url = reverse("engagement_report_photo", args=[report.photos.first().pk])
    assert admin_client.get(url).status_code == 200
    assert "photo" not in client.get(f"/api/reports/{report.code}/").content.decode()


@pytest.mark.parametrize(
    "photos, message",
    [
        ([photo_upload(f"{i}.jpg") for i in range(6)], "Tối đa 5"),
        ([SimpleUploadedFile("gia.jpg", b"MZ\x90 not an image")], "không phải ảnh"),
        ([photo_upload(size=(400, 300))], "quá nhiều điểm ảnh"),
    ],
    ids=["six-photos", "not-an-image", "too-many-pixels"],
)
def test_photos_through_the_api_are_checked_as_on_the_form(client, home, settings, photos, message):
    settings.ENGAGEMENT_PHOTO_MAX_PIXELS = 100_000
    response = client.post("/api/reports/", {**REPORT, "photos": photos})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "photos"
    assert message in response.json()["detail"]
    assert not Report.objects.exists() and not ReportPhoto.objects.exists()


def test_a_multipart_report_with_a_bad_field_is_a_400(client, home):
    response = client.post("/api/reports/", {**REPORT, "latitude": "bắc"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "latitude"
    assert not Report.objects.exists()


def test_the_multipart_form_and_its_photos_are_in_the_openapi_document(client, db):
    body = client.get("/api/schema/").json()["paths"]["/api/reports/"]["post"]["requestBody"]
    assert {"application/json", "multipart/form-data"} <= body["content"].keys()
    photos = body["content"]["multipart/form-data"]["schema"]["properties"]["photos"]
    assert photos["maxItems"] == 5 and photos["items"]["format"] == "binary"
    assert "description" in body["content"]["application/json"]["schema"]["properties"]["category"]
