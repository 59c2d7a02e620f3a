"""Serving the portal for a measurement: gunicorn in a child process, wrk against it."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .environment import REPO

WRK_SECONDS = 10
WRK_CONNECTIONS = 8


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`options`: gunicorn's command-line options, e.g. ["--workers", "2"]; the default is the
    production configuration (portal/gunicorn.conf.py). `port`: default, a free one."""

    def __init__(self, app, env, options=None, port=None):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                *(options or ["--config", "portal/gunicorn.conf.py"]),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=REPO,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/", timeout=5)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn {app} did not start")

    def worker_rss_mb(self):
        children = subprocess.run(
            ["ps", "--ppid", str(self.process.pid), "-o", "rss="], capture_output=True, text=True
        ).stdout.split()
        return [round(int(kb) / 1024, 1) for kb in children]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url, seconds=WRK_SECONDS):
    """Requests/s and latency percentiles of `url`, with the load average when it started (the
    machine may be shared: a figure means little without it)."""
    load = os.getloadavg()[0]
    output = subprocess.run(
        ["wrk", "--latency", "-t", "2", "-c", str(WRK_CONNECTIONS), "-d", f"{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "latency": latency,
        "non_2xx": int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0,
        "load_1min": round(load, 2),
    }


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def timed_fetch(url):
    """Milliseconds to fetch `url`, and whether it answered 200."""
    started = time.perf_counter()
    try:
        fetch(url)
        ok = True
    except urllib.error.HTTPError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok
