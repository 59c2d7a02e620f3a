"""Where a benchmark run keeps its databases, index and media, and how it runs manage.py."""

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
WORK = REPO / "var" / "bench"
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    stdout: str


@dataclass
class Target:
    """One database the benchmark imports into and serves from."""

    name: str
    database_url: str
    index_dir: str = ""  # default: under var/bench/<name>/
    media_root: str = ""

    def env(self, **extra):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.dev",
            DATABASE_URL=self.database_url,
            SEARCH_INDEX_DIR=self.index_dir or str(WORK / self.name / "index"),
            MEDIA_ROOT=self.media_root or str(WORK / self.name / "media"),
            # The per-client search limit would turn the benchmark's own requests into 429s.
            API_SEARCH_RATE="1000000/min",
        )
        env.update(extra)
        return env

    def manage(self, *args, timeout=3600, extra=None):
        """Run manage.py under /usr/bin/time (with `extra` environment variables); return wall
        time, peak memory and output."""
        command = ["/usr/bin/time", "-v", sys.executable, "manage.py", *args]
        env = self.env(**(extra or {}))
        result = subprocess.run(
            command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode not in (0, 1):
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return Measured(
            seconds=_elapsed(result.stderr),
            peak_rss_mb=int(
                re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1]
            )
            / 1024,
            stdout=result.stdout,
        )


def _elapsed(time_output):
    clock = re.search(r"Elapsed \(wall clock\) time .*: ([\d:.]+)", time_output)[1]
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def sqlite_target(keep=False):
    """The SQLite database of the run: a new one, or with `keep` the previous run's (`built`
    tells whether it is there)."""
    path = WORK / "sqlite" / "db.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not keep:
        path.unlink(missing_ok=True)
    target = Target("sqlite", f"sqlite:///{path}")
    target.built = path.exists()
    return target


def existing_target():
    """The database named by DATABASE_URL (and its SEARCH_INDEX_DIR, MEDIA_ROOT), as it is."""
    return Target(
        "existing",
        os.environ["DATABASE_URL"],
        os.environ.get("SEARCH_INDEX_DIR", ""),
        os.environ.get("MEDIA_ROOT", ""),
    )


def postgres_target():
    """A fresh PostgreSQL database, or None when no server answers."""
    import psycopg

    name = f"portal_bench_{os.getpid()}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name}")
            connection.execute(f"CREATE DATABASE {name}")
    except psycopg.OperationalError:
        return None
    return Target("postgres", f"postgres://postgres@127.0.0.1:5432/{name}")


def drop_postgres(target):
    import psycopg

    name = target.database_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def module_json(module, env):
    """Run `python -m module` in the repository and read the JSON of its last line of output."""
    output = subprocess.run(
        [sys.executable, "-m", module],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])
