"""Staff enter questions and reports received by phone or letter; one marked not to be
published never reaches a public page, search or the public list."""

import datetime

from django.urls import reverse

from wagtail.models import Workflow

from portal.core.working_days import add_working_days
from portal.engagement import answering, handling
from portal.engagement.models import Question, Report

from .conftest import QUESTION, REPORT


def enter(admin_client, kind, data):
    return admin_client.post(reverse("engagement_staff_entry", args=[kind]), data)


def test_a_question_received_by_letter_is_entered_with_its_date(admin_client, home):
    assert admin_client.get(reverse("engagement_staff_entry", args=["question"])).status_code == 200
    received = datetime.date.today() - datetime.timedelta(days=3)
    response = enter(
        admin_client,
        "question",
        {**QUESTION, "email": "", "received_on": received.isoformat(), "publishable": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert question.channel == "staff" and question.publishable
    assert question.created_at.date() == received
    assert question.history().first().created_at.date() == received


def test_a_report_received_by_phone_gets_its_deadline_from_the_day_it_came(
    admin_client, home, settings
):
    settings.ENGAGEMENT_REPORT_WORKING_DAYS = 10
    received = datetime.date.today() - datetime.timedelta(days=20)
    enter(admin_client, "report", {**REPORT, "received_on": received.isoformat()})
    report = Report.objects.get()
    assert report.channel == "staff"
    assert report.deadline == add_working_days(received, 10)
    assert report.overdue


def test_bad_staff_entries_are_refused_without_saving(admin_client, client, home):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = enter(admin_client, "report", {**REPORT, "received_on": tomorrow.isoformat()})
    assert response.status_code == 200
    assert "không thể sau hôm nay" in response.content.decode()
    assert not Report.objects.exists()
    assert client.get(reverse("engagement_staff_entry", args=["report"])).status_code == 302


def test_a_question_marked_not_to_be_published_never_gets_a_page(admin_client, home, section):
    enter(admin_client, "question", QUESTION)  # the box left unticked
    question = Question.objects.get()
    assert not question.publishable
    question.answer = "Đã trả lời qua điện thoại."
    question.save()
    response = admin_client.post(reverse("engagement_submit_answer", args=[question.pk]))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer_page is None


def test_unmarking_a_published_answer_takes_it_off_search(
    admin_client, client, engine, committed, home, section
):
    Workflow.objects.update(active=False)  # published at once
    enter(admin_client, "question", {**QUESTION, "publishable": "on"})
    question = Question.objects.get()
    with committed():
        page = answering.submit_answer(question, answer="Thời hạn là 20 ngày làm việc.")
    page.refresh_from_db()
    url = page.url
    assert page.live and client.get(url).status_code == 200
    found = client.get("/api/search/", {"q": "giấy chứng nhận lần đầu"}).json()
    assert question.code in str(found)

    with committed():
        admin_client.post(
            reverse("wagtailsnippets_engagement_question:edit", args=[question.pk]),
            {"title": question.title, "public_text": question.public_text, "answer": "Đã trả lời."},
        )  # "publishable" unticked

    page.refresh_from_db()
    assert not page.live
    assert client.get(url).status_code == 404
    found = client.get("/api/search/", {"q": "giấy chứng nhận lần đầu"}).json()
    assert question.code not in str(found)


def test_a_report_marked_not_to_be_published_stays_off_the_public_list(admin_client, client, home):
    enter(admin_client, "report", {**REPORT, "commune": "Huyện Kín", "publishable": ""})
    enter(admin_client, "report", {**REPORT, "commune": "Huyện Mở", "publishable": "on"})
    for report in Report.objects.all():
        handling.change_status(report, "resolved", note="Đã xử lý xong.")
    listing = client.get(reverse("engagement:resolved")).content.decode()
    assert "Huyện Mở" in listing and "Huyện Kín" not in listing
