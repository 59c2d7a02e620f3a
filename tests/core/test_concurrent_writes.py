"""The embedded default under concurrent writes: gunicorn with the production settings on an
SQLite file, several clients submitting at once; every submission is answered 201 and stored
once, none is lost to "database is locked"."""

import json
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.engagement.conftest import REPORT
from tests.serving import ROOT, free_port, gunicorn, manage, production_env

CLIENTS = 8
REPORTS_EACH = 6


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("concurrent")
    env = production_env(folder)
    port = free_port()
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "site_address", f"127.0.0.1:{port}")
    with gunicorn(env, port, folder / "gunicorn.log") as url:
        yield {"url": url, "database": folder / "db.sqlite3"}


def post(url, body):
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")[:200]


def test_simultaneous_reports_are_all_answered_and_stored_once(served):
    def client(number):
        return [
            post(served["url"] + "/api/reports/", {**REPORT, "address": f"Tổ {number}-{index}"})
            for index in range(REPORTS_EACH)
        ]

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = [answer for answers in pool.map(client, range(CLIENTS)) for answer in answers]

    failures = [answer for answer in answers if answer[0] != 201]
    assert failures == []
    codes = sorted(body["code"] for _status, body in answers)
    with sqlite3.connect(served["database"]) as database:
        stored = sorted(code for (code,) in database.execute("SELECT code FROM engagement_report"))
    assert stored == codes


def test_an_import_waits_for_a_busy_database_instead_of_refusing_lines(served, tmp_path):
    """Another writer holds SQLite's write lock for longer than the busy timeout: the import
    waits and begins its transactions again, and every line is imported."""
    lines = tmp_path / "processing.jsonl"
    with lines.open("w", encoding="utf-8") as handle:
        for index in range(600):
            line = {
                "kind": "processing",
                "procedure": f"1.{index:06d}",
                "agency": "Sở Tài nguyên và Môi trường",
                "period": "2025-10",
                "received": 10 + index,
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    env = {**production_env(served["database"].parent), "SQLITE_BUSY_TIMEOUT": "0.5"}
    holder = sqlite3.connect(served["database"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        importing = subprocess.Popen(
            [sys.executable, "manage.py", "import_processing", str(lines)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(12)  # the import starts, then finds the lock taken
    finally:
        holder.execute("COMMIT")
        holder.close()
    output, errors = importing.communicate(timeout=300)

    assert importing.returncode == 0, errors[-3000:]
    assert "600 created" in output
    with sqlite3.connect(served["database"]) as database:
        (stored,) = database.execute("SELECT count(*) FROM statistics_processingrecord").fetchone()
    assert stored == 600


def test_the_worker_outlives_a_locked_database_and_readyz_sees_it(served):
    """The task worker finds the database locked for longer than the busy timeout: it waits and
    goes on, then runs the tasks a submission queued, and /readyz sees it alive."""
    env = {**production_env(served["database"].parent), "SQLITE_BUSY_TIMEOUT": "0.5"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(6)  # started and polling
        holder = sqlite3.connect(served["database"], isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        time.sleep(4)
        holder.execute("COMMIT")
        holder.close()
        assert worker.poll() is None, worker.communicate()[0][-3000:]

        status, _body = post(served["url"] + "/api/reports/", REPORT)
        assert status == 201
        deadline = time.monotonic() + 60
        while True:
            with sqlite3.connect(served["database"]) as database:
                statuses = [
                    row[0]
                    for row in database.execute(
                        "SELECT status FROM django_tasks_database_dbtaskresult"
                    )
                ]
            if statuses and all(status == "SUCCESSFUL" for status in statuses):
                break
            assert time.monotonic() < deadline, statuses
            time.sleep(0.5)
        with urllib.request.urlopen(served["url"] + "/readyz", timeout=30) as response:
            worker_check = json.loads(response.read())["checks"]["worker"]
        assert worker_check["status"] == "ok"
        assert worker_check["last_seen_seconds"] is not None
    finally:
        worker.terminate()
        worker.wait(timeout=30)
