"""The public forms: a report with photos checked by Pillow, stored where no URL reaches them,
followed by its code; bad input is a 400 with nothing saved."""

import datetime
from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.engagement import handling
from portal.engagement.factories import ReportFactory
from portal.engagement.models import Contact, Report, ReportPhoto

from .conftest import QUESTION, REPORT, image_bytes


def photo(name="anh.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


def test_the_forms_show_consent_and_the_honeypot(client, home):
    for name in ("engagement:ask", "engagement:report"):
        page = client.get(reverse(name)).content.decode()
        assert 'name="consent"' in page
        assert 'name="website"' in page
        assert "13/2023/NĐ-CP" in page


def test_a_report_with_photos_is_followed_by_its_code(client, home):
    response = client.post(
        reverse("engagement:report"), {**REPORT, "photos": [photo(), photo("b.png", kind="PNG")]}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == f"/tra-cuu-ho-so/{report.code}/?new=1"
    photos = list(report.photos.all())
    assert [(p.width, p.height) for p in photos] == [(64, 48), (64, 48)]
    for stored in photos:
        path = Path(stored.file.path)
        assert path.exists()
        assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
        assert stored.file.name.split("/")[-1] not in ("anh.jpg", "b.png")

    page = client.get(response["Location"]).content.decode()
    assert report.code in page and "Đã tiếp nhận" in page
    assert REPORT["email"] not in page and REPORT["name"] not in page

    handling.change_status(report, "verified", note="Đoàn kiểm tra đã xác minh tại hiện trường.")
    page = client.get(reverse("engagement:track", args=[report.code])).content.decode()
    assert "Đã xác minh" in page and "Đoàn kiểm tra đã xác minh" in page


def test_lookup_form_redirects_and_says_what_is_wrong(client, home):
    report = ReportFactory()
    response = client.get(reverse("engagement:lookup"), {"code": report.code.lower()})
    assert response.status_code == 302
    assert client.get(reverse("engagement:lookup"), {"code": "xyz"}).status_code == 400
    missing = client.get(reverse("engagement:lookup"), {"code": "PA-0000-0000"})
    assert missing.status_code == 404
    assert "Không tìm thấy" in missing.content.decode()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("gia.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg"),
        SimpleUploadedFile("anh.gif", b"GIF89a" + b"\x00" * 20, content_type="image/gif"),
    ],
    ids=["not-an-image", "broken-gif"],
)
def test_a_file_that_is_not_a_photo_is_refused_and_nothing_saved(client, home, upload):
    response = client.post(reverse("engagement:report"), {**REPORT, "photos": [upload]})
    assert response.status_code == 400
    assert "không phải ảnh" in response.content.decode()
    assert not Report.objects.exists() and not Contact.objects.exists()


def test_too_many_pixels_or_photos_are_refused(client, home, settings):
    settings.ENGAGEMENT_PHOTO_MAX_PIXELS = 1000
    response = client.post(reverse("engagement:report"), {**REPORT, "photos": [photo()]})
    assert response.status_code == 400
    assert "quá nhiều điểm ảnh" in response.content.decode()
    settings.ENGAGEMENT_PHOTO_MAX_PIXELS = 40_000_000
    six = [photo(f"{i}.jpg") for i in range(6)]
    response = client.post(reverse("engagement:report"), {**REPORT, "photos": six})
    assert response.status_code == 400
    assert not ReportPhoto.objects.exists()


def test_an_empty_question_form_is_a_400_with_messages(client, home):
    response = client.post(reverse("engagement:ask"), {})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_code_is_emailed_through_smtp(
    client, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagement:ask"), QUESTION)
    code = response["Location"].split("/")[2]
    [message] = mail_through.messages
    assert message["to"] == [QUESTION["email"]]
    assert code in message["data"]


def test_staff_see_what_is_overdue(home):
    late = ReportFactory(deadline=datetime.date.today() - datetime.timedelta(days=1))
    ReportFactory(deadline=datetime.date.today() + datetime.timedelta(days=3))
    done = ReportFactory(deadline=datetime.date.today() - datetime.timedelta(days=9))
    handling.change_status(done, "resolved", note="Đã xử phạt cơ sở vi phạm.")
    assert list(handling.overdue()) == [late]
    assert late.overdue and not done.overdue


def test_rejecting_needs_a_reason_and_transferring_an_agency(home):
    report = ReportFactory()
    with pytest.raises(handling.HandlingError):
        handling.change_status(report, "rejected")
    with pytest.raises(handling.HandlingError):
        handling.change_status(report, "transferred")
    report.refresh_from_db()
    assert report.status == "received" and report.history().count() == 0


def test_no_personal_data_in_the_logs(client, home, caplog):
    caplog.set_level("DEBUG")
    client.post(reverse("engagement:ask"), QUESTION)
    client.post("/api/reports/", REPORT, content_type="application/json")
    client.post("/api/reports/", {**REPORT, "category": "ufo"}, content_type="application/json")
    assert "received: HD-" in caplog.text and "received: PA-" in caplog.text
    for secret in (QUESTION["email"], QUESTION["name"], REPORT["email"], REPORT["name"]):
        assert secret not in caplog.text


def test_resolved_reports_are_listed_anonymised(client, home):
    resolved = ReportFactory(commune="Biên Hòa", address="Số 9 đường Võ Thị Sáu")
    handling.change_status(resolved, "resolved", note="Đã xử phạt cơ sở xả thải.")
    ReportFactory(description="Phản ánh đang xử lý về tiếng ồn.")
    page = client.get(reverse("engagement:resolved")).content.decode()
    assert "Đã xử phạt cơ sở xả thải." in page and "Biên Hòa" in page
    for private in (resolved.description, resolved.address, resolved.contact.email, resolved.code):
        assert private not in page
    assert "tiếng ồn" not in page
