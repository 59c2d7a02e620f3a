"""The portal served by gunicorn in a process of its own, for tests that need more than one
process: a free port, `manage.py` run in the server's environment, and a server that answers
/healthz before the test starts."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **options):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        **{"stdout": subprocess.DEVNULL, **options},
    )


def production_env(folder):
    """The production settings on an SQLite file in `folder`, without HTTPS or limits."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "a-test-secret-key-that-is-long-enough-for-django-checks-0123456789",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "MEDIA_ROOT": str(folder / "media"),
        "SEARCH_INDEX_DIR": str(folder / "search-index"),
        "ENGAGEMENT_CAPTCHA": "off",
        "ENGAGEMENT_SUBMIT_RATE": "100000/h",
        "WEB_CONCURRENCY": "2",
    }


@contextmanager
def gunicorn(env, port, log_path, *options):
    """The portal's WSGI app under gunicorn with its production configuration on `port`; yields
    its URL once /healthz answers (a server that exits or takes over 60 s raises with its log)."""
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--config", "portal/gunicorn.conf.py"]
            + ["--bind", f"127.0.0.1:{port}", *options],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while not _answers(url):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(log_path.read_text())
                time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def _answers(url):
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:  # not listening yet, or not ready
        return False
