import re
import socket
from contextlib import contextmanager
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller

from portal.core.email_url import parse_email_url
from portal.core.publishing.oncommit import flush_pending
from portal.legal.factories import LegalDocumentIndexPageFactory
from search.batching import PENDING


class Inbox:
    """An aiosmtpd handler keeping every message it accepts (parsed), or refusing all."""

    def __init__(self):
        self.messages = []
        self.refusing = False

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 Requested action aborted: try again later"
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def links(self, message, pattern):
        body = message.get_body(("plain",)).get_content()
        return re.findall(r"https?://\S*" + pattern + r"\S*", body)


@pytest.fixture
def inbox(settings):
    """A real SMTP server; mail goes out as production sends it (background task, then SMTP)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "portal.core.mail.BackgroundEmailBackend"
    for key, value in parse_email_url(f"smtp://127.0.0.1:{port}?timeout=5").items():
        setattr(settings, key.replace("EMAIL_BACKEND", "EMAIL_DELIVERY_BACKEND"), value)
    settings.DEFAULT_FROM_EMAIL = "cong-thong-tin@example.gov.vn"
    yield handler
    controller.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose on_commit callbacks (the log consumers: search, alerts) run at its end."""

    @contextmanager
    def block():
        flush_pending("content_events")
        flush_pending(PENDING)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


@pytest.fixture
def legal_index(home, settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    return LegalDocumentIndexPageFactory(parent=home)


@pytest.fixture
def admin_client(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("quan-tri", "qt@example.gov.vn", "x"))
    return client
