"""An import killed part-way (SIGKILL: no handler of its own runs) leaves its record with what it
had committed, and the next run marks it interrupted, never "unfinished with 0 lines"."""

import json
import os
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


def test_a_killed_import_is_recorded_as_interrupted_with_what_it_committed(tmp_path):
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
        # Wait for the run to commit something, then kill it as a lost machine would.
        while True:
            with sqlite3.connect(database, timeout=30) as db:
                row = db.execute("SELECT lines FROM core_importrun").fetchone()
            if row and row[0] > 0:
                break
            assert importing.poll() is None, "the import ended before it could be killed"
            time.sleep(0.2)
    finally:
        importing.kill()
        importing.wait()

    manage(env, "import_content", str(field_lines(tmp_path / "small.jsonl", ["Biển"])))

    with sqlite3.connect(database) as db:
        killed, later = db.execute(
            "SELECT lines, created, rejected, interrupted, finished_at IS NOT NULL"
            " FROM core_importrun ORDER BY id"
        ).fetchall()
        committed = db.execute(
            "SELECT COUNT(*) FROM core_field WHERE name LIKE 'Lĩnh vực %'"
        ).fetchone()[0]
    assert 0 < committed < 200_000
    assert killed == (committed, committed, 0, 1, 1)
    assert later == (1, 1, 0, 0, 1)
