"""A partner builds a request from the OpenAPI document alone (its required properties, the
first value of each enum, strings of the documented least length, `format: email`): the API
accepts it (201). A former province's name is taken as the province it joined."""

import pytest

from portal.core.factories import FieldFactory
from portal.engagement.models import Question, Report

from .conftest import QUESTION, REPORT

pytestmark = pytest.mark.django_db


def value_of(schema, document):
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "email":
        return "doi-tac@example.vn"
    kind = schema.get("type")
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    return "Nội dung mẫu " + "x" * max(0, schema.get("minLength", 1) - 13)


def request_schema(document, path):
    operation = document["paths"][path]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def body_from_document(document, path):
    schema = request_schema(document, path)
    return {
        name: value_of(schema["properties"][name], document) for name in schema.get("required", [])
    }


@pytest.mark.parametrize("path", ["/api/questions/", "/api/reports/"])
def test_a_body_built_from_the_document_alone_is_accepted(client, home, settings, path):
    settings.ENGAGEMENT_CAPTCHA = "off"
    document = client.get("/api/schema/").json()
    body = body_from_document(document, path)
    assert "province" in body

    response = client.post(path, body, content_type="application/json")

    assert response.status_code == 201, response.content.decode()
    assert request_schema(document, path)["properties"]["email"]["format"] == "email"


def enum_of(prop):
    """The values a property's schema allows: its enum, or that of its string alternative."""
    choices = [prop, *prop.get("anyOf", [])]
    return next((choice["enum"] for choice in choices if "enum" in choice), None)


def test_the_questions_field_is_an_enum_of_the_fields_there_are(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "off"
    FieldFactory(name="Tài nguyên nước", slug="tai-nguyen-nuoc")
    FieldFactory(name="Đất đai", slug="dat-dai")
    document = client.get("/api/schema/").json()
    fields = enum_of(request_schema(document, "/api/questions/")["properties"]["field"])
    assert sorted(fields or []) == ["dat-dai", "tai-nguyen-nuoc"]

    body = {**body_from_document(document, "/api/questions/"), "field": fields[0]}
    response = client.post("/api/questions/", body, content_type="application/json")

    assert response.status_code == 201, response.content.decode()
    assert Question.objects.get().field.slug == fields[0]


def test_a_former_province_name_is_the_province_it_joined(client, home, settings):
    settings.ENGAGEMENT_CAPTCHA = "off"
    json = {"content_type": "application/json"}
    assert (
        client.post("/api/questions/", {**QUESTION, "province": "Bình Dương"}, **json).status_code
        == 201
    )
    assert (
        client.post("/api/reports/", {**REPORT, "province": "Quảng Nam"}, **json).status_code == 201
    )
    assert Question.objects.get().province == "Thành phố Hồ Chí Minh"
    assert Report.objects.get().province == "Đà Nẵng"


def test_a_report_names_its_commune_and_a_former_district_field_is_still_read(
    client, home, settings
):
    settings.ENGAGEMENT_CAPTCHA = "off"
    json = {"content_type": "application/json"}
    body = {**REPORT}
    body.pop("commune")
    sent = client.post("/api/reports/", {**body, "district": "Xã Cũ"}, **json)
    assert sent.status_code == 201
    assert Report.objects.get().commune == "Xã Cũ"
    schema = client.get("/api/schema/").json()["paths"]["/api/reports/"]["post"]
    properties = schema["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert "commune" in properties and properties["district"]["deprecated"] is True
