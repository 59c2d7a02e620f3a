"""Retention erases personal data and keeps the counts; staff export or erase one person's data
by tracking code."""

import datetime
import json
import os

from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.engagement import personal_data
from portal.engagement.factories import QuestionFactory, ReportFactory
from portal.engagement.figures import figures
from portal.engagement.models import Contact, ReportPhoto

from .conftest import image_bytes


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_retention_erases_personal_data_and_keeps_the_counts(home, settings):
    settings.ENGAGEMENT_RETENTION_DAYS = {"question": 30, "report": 60}
    old_question = QuestionFactory(created_at=days_ago(90), answered_at=days_ago(40))
    recent_question = QuestionFactory(created_at=days_ago(90), answered_at=days_ago(10))
    old_report = ReportFactory(created_at=days_ago(70), address="Số 5 đường Lê Lợi")
    photo = ReportPhoto(report=old_report, width=64, height=48)
    photo.file.save("a.jpg", SimpleUploadedFile("a.jpg", image_bytes()), save=True)
    photo_path = photo.file.path
    new_report = ReportFactory(created_at=days_ago(5))
    before = figures()

    call_command("erase_personal_data")

    for submission in (old_question, old_report):
        submission.refresh_from_db()
        assert submission.contact is None and submission.erased_at is not None
    old_report.refresh_from_db()
    assert old_report.address == "" and not old_report.photos.exists()
    assert not os.path.exists(photo_path)
    for submission in (recent_question, new_report):
        submission.refresh_from_db()
        assert submission.contact is not None
    assert Contact.objects.count() == 2
    assert figures() == before


def test_export_and_erase_one_person_by_code(home, admin_client):
    question = QuestionFactory(text="Tôi tên An, hỏi về đất.", public_text="Hỏi về đất.")
    response = admin_client.post(
        reverse("engagement_personal_data"), {"code": question.code, "action": "export"}
    )
    exported = json.loads(response.content)
    assert exported["contact"]["email"] == question.contact.email
    assert exported["text"] == "Tôi tên An, hỏi về đất."

    response = admin_client.post(
        reverse("engagement_personal_data"), {"code": question.code, "action": "erase"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.contact is None and question.text == "Hỏi về đất."
    assert not Contact.objects.exists()
    assert personal_data.export(question.code)["contact"] is None


def test_personal_data_needs_staff_rights(home, client):
    user = User.objects.create_user("nguoi-xem", password="mat-khau-dai-3")
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    question = QuestionFactory()
    response = client.post(
        reverse("engagement_personal_data"), {"code": question.code, "action": "export"}
    )
    assert response.status_code in (302, 403)
    assert question.contact.email.encode() not in response.content


def test_a_bad_code_is_said_plainly(home, admin_client):
    response = admin_client.post(
        reverse("engagement_personal_data"), {"code": "HD-0000-0000", "action": "erase"}
    )
    assert response.status_code == 200
    assert "Không tìm thấy" in response.content.decode()
