"""Production logs: JSON lines on stdout with the request id and the acting user's id, Wagtail's
audit lines kept, no personal data."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wagtail.models import Page

from portal.core.logging import JsonFormatter

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_lines():
    """What the root logger writes, formatted as production formats it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    levels = {name: logging.getLogger(name).level for name in ("wagtail", "django.request")}
    logging.getLogger("wagtail").setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.django_db
def test_a_request_line_carries_the_request_id_the_response_names(client, home, json_lines):
    response = client.get("/khong-co-trang-nay/")

    lines = [line for line in json_lines() if line["logger"] == "django.request"]
    assert response.status_code == 404
    assert lines and lines[0]["request_id"] == response["X-Request-ID"]
    assert lines[0]["level"] == "WARNING" and lines[0]["status"] == 404


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_and_a_hostile_one_replaced(client, home):
    kept = client.get("/", HTTP_X_REQUEST_ID="lb-1234.abc")
    replaced = client.get("/", HTTP_X_REQUEST_ID="<script>\n")

    assert kept["X-Request-ID"] == "lb-1234.abc"
    assert len(replaced["X-Request-ID"]) == 32 and "<" not in replaced["X-Request-ID"]


@pytest.mark.django_db
def test_wagtail_audit_line_of_an_admin_action_names_the_user_by_id(
    admin_client, admin_user, home, json_lines
):
    page = home.add_child(instance=Page(title="Thông báo cũ", slug="thong-bao-cu"))
    page.save_revision().publish()

    response = admin_client.post(f"/admin/pages/{page.pk}/unpublish/")

    assert response.status_code == 302
    audit = [line for line in json_lines() if line["logger"] == "wagtail"]
    assert any("Unpublished" in line["message"] for line in audit), audit
    line = next(line for line in audit if "Unpublished" in line["message"])
    assert line["user_id"] == admin_user.pk
    assert admin_user.username not in json.dumps(json_lines())
    assert admin_user.email not in json.dumps(json_lines())


def test_email_and_ip_addresses_are_masked():
    record = logging.LogRecord(
        "portal",
        logging.WARNING,
        __file__,
        1,
        "mail to %s from %s failed",
        ("cong.dan@example.vn", "203.0.113.9"),
        None,
    )

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "mail to [email] from [ip] failed"


def test_production_writes_json_lines_to_stdout_and_keeps_wagtail_audit_lines():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DATABASE_URL": "postgres://portal@db.example/portal",
        "ALLOWED_HOSTS": "portal.gov.vn",
    }
    env.pop("LOG_FORMAT", None)
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('wagtail').info('Page published: \"%s\" pk=%s', 'Tin', 7)"
    )

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["logger"] == "wagtail" and line["level"] == "INFO"
    assert line["message"] == 'Page published: "Tin" pk=7'
