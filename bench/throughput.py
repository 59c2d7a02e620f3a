"""Requests per second under gunicorn (production settings) measured with wrk from another process,
with and without the page cache, against a whitenoise-served static copy as the ceiling; search
latency over HTTP; worker memory after warm-up and after 10,000 requests."""

import json
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .environment import REPO, WORK
from .queries import ALL

WORKERS = 2
WRK_SECONDS = 10
WRK_CONNECTIONS = 8


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    def __init__(self, app, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "--workers",
                str(WORKERS),
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


def wrk(url):
    output = subprocess.run(
        ["wrk", "--latency", "-t", "2", "-c", str(WRK_CONNECTIONS), "-d", f"{WRK_SECONDS}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "latency": latency,
        "non_2xx": int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0,
    }


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def http_search_latency(base):
    samples = []
    for query in ALL * 3:
        started = time.perf_counter()
        fetch(f"{base}/api/search/?{urllib.parse.urlencode({'q': query, 'page_size': 10})}")
        samples.append(time.perf_counter() - started)
    ordered = sorted(samples)
    return {
        name: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)
        for name, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))
    } | {"mean": round(statistics.mean(samples) * 1000, 2)}


def page_urls(base):
    """The pages under test: home, the first procedure and legal document search finds, a search."""

    def first(query, kind):
        body = json.loads(
            fetch(f"{base}/api/search/?{urllib.parse.urlencode({'q': query, 'kind': kind})}")
        )
        return urllib.parse.urlparse(body["results"][0]["url"]).path

    return {
        "home": "/",
        "procedure": first("dang ky tam tru", "procedure"),
        "legal": first("luat cu tru", "legal"),
        "search": "/tim-kiem/?q=dang+ky+tam+tru",
    }


def run(target, log):
    env = target.env(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="benchmark-only-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    results = {
        "pages": {},
        "workers": WORKERS,
        "wrk": f"{WRK_CONNECTIONS} connections, {WRK_SECONDS}s",
    }
    static_root = WORK / "static-copy"
    static_root.mkdir(parents=True, exist_ok=True)

    for cache_seconds in (0, 300):
        label = "cached" if cache_seconds else "uncached"
        server = Gunicorn("portal.wsgi", env | {"PAGE_CACHE_SECONDS": str(cache_seconds)})
        try:
            urls = page_urls(server.base)
            if not cache_seconds:
                results["search_http_ms"] = http_search_latency(server.base)
                for name, path in urls.items():
                    (static_root / f"{name}.html").write_bytes(fetch(server.base + path))
            for name, path in urls.items():
                log(f"[{label}] wrk {name} {path}")
                results["pages"].setdefault(name, {"path": path})[label] = wrk(server.base + path)
            if not cache_seconds:
                results["memory_mb"] = memory_growth(server, urls, log)
        finally:
            server.stop()

    ceiling = Gunicorn(
        "bench.static_site:application", env | {"BENCH_STATIC_ROOT": str(static_root)}
    )
    try:
        for name in results["pages"]:
            log(f"[static ceiling] wrk {name}")
            page = results["pages"][name]
            page["static"] = wrk(f"{ceiling.base}/{name}.html")
            for label in ("uncached", "cached"):
                page[label]["fraction_of_ceiling"] = round(
                    page[label]["rps"] / page["static"]["rps"], 3
                )
    finally:
        ceiling.stop()
    return results


def memory_growth(server, urls, log, total=10_000):
    after_warm_up = server.worker_rss_mb()
    paths = list(urls.values())
    log(f"sending {total} requests for the memory check")
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: fetch(server.base + paths[n % len(paths)]), range(total)))
    return {"after_warm_up": after_warm_up, "after_10000_requests": server.worker_rss_mb()}


def ensure_wrk():
    if Path("/usr/bin/wrk").exists():
        return True
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
    return Path("/usr/bin/wrk").exists()
