"""A question may carry one attachment (PDF, image or Word .docx), checked by content and size,
stored out of MEDIA_ROOT under a random name and served to staff only, as a download."""

import io
import os
import zipfile

import pytest

from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.engagement import personal_data
from portal.engagement.models import Question

from .conftest import QUESTION, image_bytes

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes(document=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if document:
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def ask_with(client, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("engagement:ask"), {**QUESTION, "attachment": upload})


@pytest.mark.parametrize(
    "name, content, extension",
    [
        ("don.pdf", PDF, "pdf"),
        ("anh.png", image_bytes(kind="PNG"), "png"),
        ("van-ban.docx", docx_bytes(), "docx"),
        ("ten-sai.txt", PDF, "pdf"),
    ],
    ids=["pdf", "image", "docx", "named-wrong"],
)
def test_an_attachment_is_kept_by_what_it_is(client, home, name, content, extension):
    response = ask_with(client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert question.attachment.name.endswith(f".{extension}")
    assert name.rsplit(".", 1)[0] not in question.attachment.name, "stored under a random name"
    assert question.attachment.read() == content


@pytest.mark.parametrize(
    "name, content",
    [
        ("virus.exe", b"MZ\x90\x00\x03 executable"),
        ("thu.docx", docx_bytes(document=False)),
        ("trang.html", b"<html><script>alert(1)</script></html>"),
    ],
    ids=["executable", "zip-not-docx", "html"],
)
def test_other_files_are_refused_and_nothing_saved(client, home, name, content):
    response = ask_with(client, name, content)
    assert response.status_code == 400
    assert "không phải PDF" in response.content.decode()
    assert not Question.objects.exists()


def test_a_too_large_attachment_is_refused(client, home, settings):
    settings.ENGAGEMENT_ATTACHMENT_MAX_BYTES = 100
    response = ask_with(client, "don.pdf", PDF + b"0" * 200)
    assert response.status_code == 400
    assert "lớn hơn" in response.content.decode()
    assert not Question.objects.exists()


def test_only_staff_download_it_and_no_public_url_reaches_it(client, admin_client, home, db):
    ask_with(client, "don.pdf", PDF)
    question = Question.objects.get()
    url = reverse("engagement_question_attachment", args=[question.pk])

    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]

    assert client.get(url).status_code == 302  # to the admin's login
    visitor = User.objects.create_user("khach", is_staff=True)
    visitor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(visitor)
    refused = client.get(url)  # staff without the right to see questions
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.get(f"/media/{question.attachment.name}").status_code == 404
    tracking = client.get(reverse("engagement:track", args=[question.code])).content.decode()
    assert question.attachment.name not in tracking and "attachment" not in tracking


def test_through_the_api_as_a_multipart_form(client, home):
    upload = SimpleUploadedFile("don.pdf", PDF, content_type="application/pdf")
    response = client.post("/api/questions/", {**QUESTION, "attachment": upload})
    assert response.status_code == 201, response.content
    question = Question.objects.get(code=response.json()["code"])
    assert question.attachment.read() == PDF
    schema = client.get("/api/schema/").json()
    body = schema["paths"]["/api/questions/"]["post"]["requestBody"]["content"]
    assert body["multipart/form-data"]["schema"]["properties"]["attachment"]["format"] == "binary"

    refused = SimpleUploadedFile("x.exe", b"MZ\x90", content_type="application/octet-stream")
    response = client.post("/api/questions/", {**QUESTION, "attachment": refused})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "attachment"


def test_erasing_the_senders_data_deletes_the_attachment(client, home):
    ask_with(client, "don.pdf", PDF)
    question = Question.objects.get()
    path = question.attachment.path

    personal_data.erase(question.code)

    question.refresh_from_db()
    assert not question.attachment
    assert not os.path.exists(path)
