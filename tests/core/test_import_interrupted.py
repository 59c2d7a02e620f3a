"""An import killed part-way (SIGKILL: no handler of its own runs) leaves its record with what it
had committed, and the next run marks it interrupted, never "unfinished with 0 lines". One
stopped with SIGTERM marks itself interrupted as it exits."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.serving import ROOT, manage


def field_lines(path, names):
    path.write_text(
        "".join(
            json.dumps({"kind": "field", "name": name}, ensure_ascii=False) + "\n" for name in names
        ),
        encoding="utf-8",
    )
    return path


def start_big_import(tmp_path):
    """A test database and an import of 200,000 lines running on it, once it has committed some
    (as a lost machine or a stopping service would find it)."""
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    manage(env, "migrate", "--noinput")
    big = field_lines(tmp_path / "big.jsonl", (f"Lĩnh vực {n:06d}" for n in range(200_000)))
    importing = subprocess.Popen(
        [sys.executable, "manage.py", "import_content", str(big)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            with sqlite3.connect(database, timeout=30) as db:
                row = db.execute("SELECT lines FROM core_importrun").fetchone()
            if row and row[0] > 0:
                return env, database, importing
            assert importing.poll() is None, "the import ended before it could be stopped"
            time.sleep(0.2)
    except BaseException:
        importing.kill()
        importing.wait()
        raise


def records_and_committed(database):
    with sqlite3.connect(database) as db:
        records = db.execute(
            "SELECT lines, created, rejected, interrupted, finished_at IS NOT NULL"
            " FROM core_importrun ORDER BY id"
        ).fetchall()
        committed = db.execute(
            "SELECT COUNT(*) FROM core_field WHERE name LIKE 'Lĩnh vực %'"
        ).fetchone()[0]
    return records, committed


def test_a_killed_import_is_recorded_as_interrupted_with_what_it_committed(tmp_path):
    env, database, importing = start_big_import(tmp_path)
    importing.kill()
    importing.wait()

    manage(env, "import_content", str(field_lines(tmp_path / "small.jsonl", ["Biển"])))

    (killed, later), committed = records_and_committed(database)
    assert 0 < committed < 200_000
    assert killed == (committed, committed, 0, 1, 1)
    assert later == (1, 1, 0, 0, 1)


def test_a_terminated_import_marks_itself_interrupted_as_it_exits(tmp_path):
    _env, database, importing = start_big_import(tmp_path)
    importing.send_signal(signal.SIGTERM)
    assert importing.wait(timeout=300) == -signal.SIGTERM

    # No other run has started: the record was written by the stopped import itself.
    [stopped], committed = records_and_committed(database)
    assert 0 < committed < 200_000
    assert stopped == (committed, committed, 0, 1, 1)
