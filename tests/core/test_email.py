"""Email: EMAIL_URL chooses the delivery, every message goes out from a background task, and a
workflow notification reaches the board through a real SMTP server."""

import socket
from email import message_from_string
from email.policy import default

import pytest
from aiosmtpd.controller import Controller

from django.contrib.auth.models import Group, User
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from portal.core.editorial import BOARD, EDITORS, setup_editorial
from portal.core.email_url import parse_email_url
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "data": envelope.content.decode("utf-8", "replace"),
            }
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    yield inbox
    controller.stop()


@pytest.fixture
def mail_through(settings, smtp_server):
    """Mail as production sends it: the background backend, delivered over SMTP."""
    settings.EMAIL_BACKEND = "portal.core.mail.BackgroundEmailBackend"
    for key, value in parse_email_url(f"smtp://127.0.0.1:{smtp_server.port}").items():
        setattr(settings, key.replace("EMAIL_BACKEND", "EMAIL_DELIVERY_BACKEND"), value)
    settings.DEFAULT_FROM_EMAIL = "cong-thong-tin@example.gov.vn"
    return smtp_server


@pytest.fixture
def submit_for_review(home, english_home):
    setup_editorial()
    editor = User.objects.create_user("bien-tap-vien", "btv@example.gov.vn", "mat-khau-dai-1")
    editor.groups.add(Group.objects.get(name=EDITORS))
    board = User.objects.create_user("ban-bien-tap", "bbt@example.gov.vn", "mat-khau-dai-2")
    board.groups.add(Group.objects.get(name=BOARD))

    def submit():
        section = news_section("Tin hoạt động")
        page = NewsPageFactory.build(title="Tin chờ duyệt", slug="tin-cho-duyet", live=False)
        section.add_child(instance=page)
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)

    return submit


# Committed for real: the worker reads the queued task from the database. serialized_rollback
# as the other transactional tests (tests/search/test_batching.py), so the flush between them
# restores the same content types.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_workflow_submission_reaches_the_board_by_smtp_from_a_background_task(
    mail_through, submit_for_review, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    submit_for_review()

    assert mail_through.messages == [], "mail must not be sent in the request"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    to_board = [m for m in mail_through.messages if m["to"] == ["bbt@example.gov.vn"]]
    assert len(to_board) == 1
    assert to_board[0]["from"] == "cong-thong-tin@example.gov.vn"
    message = message_from_string(to_board[0]["data"], policy=default)
    assert "Tin chờ duyệt" in message["Subject"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://mail.internal",
            {"EMAIL_HOST": "mail.internal", "EMAIL_PORT": 25, "EMAIL_USE_SSL": False},
        ),
        (
            "smtps://portal%40bo.gov.vn:m%C3%A2t@mail.example:4650?timeout=5",
            {
                "EMAIL_PORT": 4650,
                "EMAIL_USE_SSL": True,
                "EMAIL_USE_TLS": False,
                "EMAIL_HOST_USER": "portal@bo.gov.vn",
                "EMAIL_HOST_PASSWORD": "mât",
                "EMAIL_TIMEOUT": 5,
            },
        ),
        ("submission://mail.example", {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True}),
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("file:///var/spool/portal-mail", {"EMAIL_FILE_PATH": "/var/spool/portal-mail"}),
    ],
)
def test_email_url_becomes_the_email_settings(url, expected):
    settings = parse_email_url(url)

    assert {key: settings[key] for key in expected} == expected


@pytest.mark.parametrize("url", ["imap://mail.example", "smtp://", "file://"])
def test_a_wrong_email_url_says_what_is_wrong(url):
    with pytest.raises(ImproperlyConfigured):
        parse_email_url(url)


def test_file_delivery_writes_the_message_from_the_task(settings, tmp_path, db):
    from django.core.mail import send_mail

    settings.EMAIL_BACKEND = "portal.core.mail.BackgroundEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)

    send_mail("Thử", "Nội dung thử", "a@example.gov.vn", ["b@example.gov.vn"])

    written = list(tmp_path.iterdir())
    assert len(written) == 1 and "b@example.gov.vn" in written[0].read_text()
