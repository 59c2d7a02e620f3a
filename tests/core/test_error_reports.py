"""With SENTRY_DSN set, an error reaches the Sentry-compatible service (a real HTTP server
started by the test), without personal data."""

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

REPORT_AN_ERROR = """
import django, sentry_sdk
django.setup()
try:
    raise ValueError("could not mail cong.dan@example.vn from 203.0.113.9")
except ValueError:
    sentry_sdk.capture_exception()
sentry_sdk.flush(timeout=10)
"""


@pytest.fixture
def sentry_service():
    received = []

    class Envelopes(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            received.append(body.decode("utf-8", "replace"))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Envelopes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    server.shutdown()


def test_an_error_is_reported_without_personal_data(sentry_service):
    port, received = sentry_service
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "SENTRY_DSN": f"http://public@127.0.0.1:{port}/1",
    }

    result = subprocess.run(
        [sys.executable, "-c", REPORT_AN_ERROR],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    reports = "".join(received)
    assert "ValueError" in reports
    assert "could not mail [email] from [ip]" in reports
    assert "cong.dan@example.vn" not in reports and "203.0.113.9" not in reports


def test_without_sentry_dsn_nothing_is_started():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, sentry_sdk; django.setup(); print(sentry_sdk.is_initialized())",
        ],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "SENTRY_DSN": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "False", result.stderr
