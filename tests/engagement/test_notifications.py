"""The sender of a question or report hears of each step by email, in their language, through a
real SMTP server: after the staff's change is committed, never blocking it when the mail server
is down, and saying nothing about anyone else."""

import logging
import socket
from email import message_from_bytes
from email.policy import default

from django.urls import reverse

from portal.core.email_url import parse_email_url
from portal.engagement import answering
from portal.engagement.models import Question, Report

from .conftest import QUESTION, REPORT
from .test_answering import approve


def parsed(raw):
    message = message_from_bytes(raw["data"].encode(), policy=default)
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return message, text, html


def to_asker(inbox):
    return [message for message in inbox.messages if message["to"] == [QUESTION["email"]]]


def send_report(client, language_prefix=""):
    response = client.post(f"{language_prefix}/phan-anh-kien-nghi/", REPORT)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Report.objects.get()


def test_a_status_change_reaches_the_sender_after_commit_in_text_and_html(
    admin_client, admin_user, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = send_report(admin_client)
    mail_through.messages.clear()
    url = reverse("engagement_report_status", args=[report.pk])

    with django_capture_on_commit_callbacks(execute=False) as pending:
        admin_client.post(url, {"status": "verified", "note": "Đoàn kiểm tra đã xác minh."})
    assert mail_through.messages == [], "nothing is sent before the change is committed"
    for callback in pending:
        callback()

    [raw] = mail_through.messages
    assert raw["to"] == [REPORT["email"]]
    message, text, html = parsed(raw)
    assert report.code in message["Subject"] and "Đã xác minh" in message["Subject"]
    for body in (text, html):
        assert report.code in body
        assert "Đoàn kiểm tra đã xác minh." in body
        assert f"/tra-cuu-ho-so/{report.code}/" in body
        for other in (admin_user.username, admin_user.email, REPORT["name"]):
            assert other not in body


def test_the_email_is_in_the_language_the_sender_wrote_in(
    client, admin_user, home, english_home, mail_through, django_capture_on_commit_callbacks
):
    from portal.engagement import handling

    with django_capture_on_commit_callbacks(execute=True):
        report = send_report(client, "/en")
    _, receipt, _ = parsed(mail_through.messages[0])
    assert "Thank you" in receipt and report.code in receipt

    with django_capture_on_commit_callbacks(execute=True):
        handling.change_status(report, "handling", note="Sở đang xử lý.", user=admin_user)
    message, text, html = parsed(mail_through.messages[1])
    assert "Being handled" in message["Subject"]
    assert "Status" in text and "Trạng thái" not in text
    assert f"/en/tra-cuu-ho-so/{report.code}/" in text


def test_an_approved_answer_sends_the_link_to_it(
    client, staff, section, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gui-cau-hoi/", QUESTION)
    question = Question.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        page = answering.submit_answer(question, staff["editor"], "Thời hạn là 20 ngày làm việc.")
    assert len(to_asker(mail_through)) == 1, "sending for approval is no news for the asker"

    with django_capture_on_commit_callbacks(execute=True):
        approve(page, staff["board"])

    _, text, html = parsed(to_asker(mail_through)[-1])
    assert "Đã trả lời" in text
    assert page.url in text and page.url in html


def test_a_question_closed_privately_tells_the_sender_too(
    client, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gui-cau-hoi/", QUESTION)
    question = Question.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        answering.close_privately(question, note="Đã trả lời bằng văn bản gửi qua bưu điện.")

    _, text, _ = parsed(mail_through.messages[-1])
    assert "Đã trả lời bằng văn bản" in text


def test_without_an_email_nothing_is_sent(
    client, admin_client, home, mail_through, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/phan-anh-kien-nghi/", {**REPORT, "email": ""})
        report = Report.objects.get()
        admin_client.post(
            reverse("engagement_report_status", args=[report.pk]), {"status": "verified"}
        )
    assert mail_through.messages == []


def test_a_mail_server_that_is_down_never_blocks_staff(
    admin_client, home, settings, caplog, django_capture_on_commit_callbacks
):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "portal.core.mail.BackgroundEmailBackend"
    for key, value in parse_email_url(f"smtp://127.0.0.1:{port}?timeout=2").items():
        setattr(settings, key.replace("EMAIL_BACKEND", "EMAIL_DELIVERY_BACKEND"), value)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/phan-anh-kien-nghi/", REPORT)
    report = Report.objects.get()

    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("engagement_report_status", args=[report.pk]),
            {"status": "resolved", "note": "Cơ sở đã dừng xả thải."},
        )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.code in caplog.text
    assert REPORT["email"] not in caplog.text
