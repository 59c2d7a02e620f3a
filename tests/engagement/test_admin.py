"""Staff in the Wagtail admin: assign a question by choosing its unit, send the answer for the
board's approval, move a report along, see its photos (and nobody else), list what is overdue."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.engagement.factories import QuestionFactory, ReportFactory
from portal.engagement.models import AnswerPage, ReportPhoto

from .conftest import image_bytes


def test_choosing_a_unit_assigns_and_the_answer_goes_to_the_board(admin_client, section, unit):
    question = QuestionFactory()
    listing = admin_client.get(reverse("wagtailsnippets_engagement_question:list"))
    assert question.code in listing.content.decode()
    edit = reverse("wagtailsnippets_engagement_question:edit", args=[question.pk])
    response = admin_client.post(
        edit,
        {
            "title": question.title,
            "public_text": question.public_text,
            "field": "",
            "unit": unit.pk,
            "publishable": "on",
            "answer": "Thời hạn là 20 ngày làm việc.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.status == "assigned"
    assert question.history().last().note == unit.name

    submit = reverse("engagement_submit_answer", args=[question.pk])
    assert (
        "Trình duyệt câu trả lời"
        in admin_client.get(reverse("wagtailsnippets_engagement_question:list")).content.decode()
    )
    assert admin_client.get(submit).status_code == 200
    response = admin_client.post(submit)
    page = AnswerPage.objects.get(code=question.code)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    question.refresh_from_db()
    assert question.status == "in_review"
    assert page.current_workflow_state is not None


def test_a_report_is_moved_along_with_a_public_note(admin_client, home):
    report = ReportFactory()
    url = reverse("engagement_report_status", args=[report.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"status": "rejected", "note": ""})
    assert response.status_code == 200
    assert "Cần ghi lý do" in response.content.decode()
    admin_client.post(url, {"status": "rejected", "note": "Không thuộc thẩm quyền."})
    report.refresh_from_db()
    assert report.status == "rejected" and report.closed_at is not None


def test_photos_are_served_to_staff_only(admin_client, client, home):
    report = ReportFactory()
    photo = ReportPhoto(report=report, width=64, height=48)
    photo.file.save("a.jpg", SimpleUploadedFile("a.jpg", image_bytes()), save=True)
    url = reverse("engagement_report_photo", args=[photo.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == photo.file.open("rb").read()
    assert client.get(url).status_code == 302  # to the admin's login
    assert client.get(f"/media/{photo.file.name}").status_code == 404


def test_the_overdue_filter_lists_late_reports(admin_client, home):
    late = ReportFactory(deadline=datetime.date.today() - datetime.timedelta(days=2))
    on_time = ReportFactory()
    listing = admin_client.get(
        reverse("wagtailsnippets_engagement_report:list"), {"overdue": "true"}
    ).content.decode()
    assert late.code in listing and on_time.code not in listing


def test_a_report_is_transferred_to_a_provincial_sites_agency(admin_client, client, home):
    from wagtail.models import Site

    province = Site.objects.create(
        hostname="dongnai.example.gov.vn", root_page=home, site_name="Sở NN&MT Đồng Nai"
    )
    report, kept = ReportFactory(), ReportFactory()
    url = reverse("engagement_report_status", args=[report.pk])
    assert "Sở NN&amp;MT Đồng Nai" in admin_client.get(url).content.decode()

    response = admin_client.post(url, {"status": "transferred", "site": province.pk})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "transferred" and report.transferred_to_site == province
    step = client.get(f"/api/reports/{report.code}/").json()["history"][-1]
    assert step["note"] == "Sở NN&MT Đồng Nai"
    listing = admin_client.get(
        reverse("wagtailsnippets_engagement_report:list"), {"transferred_to_site": province.pk}
    ).content.decode()
    assert report.code in listing and kept.code not in listing


def test_staff_inspect_a_question_with_its_field(admin_client, home, field):
    question = QuestionFactory(field=field, title="Hỏi về thời hạn cấp sổ")

    response = admin_client.get(
        reverse("wagtailsnippets_engagement_question:inspect", args=[question.pk])
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hỏi về thời hạn cấp sổ" in page
    assert field.name in page
