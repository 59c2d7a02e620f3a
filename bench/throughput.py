"""Requests per second under gunicorn (production settings) measured with wrk from another process,
with and without the page cache, against a whitenoise-served static copy as the ceiling; search
latency over HTTP, the portal's API beside Wagtail's API v2, per query family; worker memory after
warm-up and after 10,000 requests."""

import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from search.evaluation.runner import percentile

from .environment import REPO, WORK

WORKERS = 2
WRK_SECONDS = 10
WRK_CONNECTIONS = 8
HTTP_REPEAT = 3


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


def timed_fetch(url):
    """Milliseconds to fetch `url`, and whether it answered 200."""
    started = time.perf_counter()
    try:
        fetch(url)
        ok = True
    except urllib.error.HTTPError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def search_paths(text, kind):
    """The portal's search API (with the query's kind filter, as search_eval sends it) and
    Wagtail's API v2 search (which has no such filter), ten results each."""
    portal = {"q": text, "page_size": 10} | ({"kind": kind} if kind else {})
    return {
        "portal": "/api/search/?" + urllib.parse.urlencode(portal),
        "wagtail_api_v2": "/api/v2/pages/?" + urllib.parse.urlencode({"search": text, "limit": 10}),
    }


def http_search_latency(base, families, log):
    """Per family, the latency of the portal's search API and of Wagtail's API v2 search (its
    database backend) on the same queries as typed: after a warm-up pass, HTTP_REPEAT passes,
    the two taking turns query by query."""
    results = {}
    for family, queries in families.items():
        log(f"HTTP search {family}: {len(queries)} queries")
        samples = {"portal": [], "wagtail_api_v2": []}
        errors = dict.fromkeys(samples, 0)
        for timing in (False, *[True] * HTTP_REPEAT):
            for text, kind in queries:
                for name, path in search_paths(text, kind).items():
                    milliseconds, ok = timed_fetch(base + path)
                    errors[name] += not ok
                    if timing:
                        samples[name].append(milliseconds)
        row = {"queries": len(queries)}
        for name, timings in samples.items():
            row[name] = {
                f"p{round(q * 100)}": round(percentile(timings, q), 2) for q in (0.5, 0.95, 0.99)
            } | {"non_200": errors[name]}
        row["portal_wagtail_p95_ratio"] = round(
            row["portal"]["p95"] / row["wagtail_api_v2"]["p95"], 2
        )
        results[family] = row
    return results


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


def run(target, log, search_queries):
    """`search_queries`: {family: [[text, kind], ...]} to time over HTTP."""
    env = target.env(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="benchmark-only-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback, as behind the TLS proxy: no redirect to https.
        SECURE_SSL_REDIRECT="0",
    )
    # The database was migrated under development settings; production's shared cache (the
    # database cache without REDIS_URL) needs its table too.
    for command in (["collectstatic", "--noinput"], ["createcachetable"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"], cwd=REPO, env=env, check=True
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
                results["search_http"] = http_search_latency(server.base, search_queries, log)
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
