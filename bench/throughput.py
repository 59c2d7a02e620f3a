"""Gunicorn and wrk; search latency over HTTP, the portal's API beside Wagtail's API v2, per query
family; worker memory after warm-up and after 10,000 requests; then page throughput
(bench/pages.py)."""

import subprocess
import sys
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from search.evaluation.runner import percentile

from . import pages
from .environment import REPO
from .serving import WRK_SECONDS, Gunicorn, fetch, timed_fetch

HTTP_REPEAT = 3


def search_paths(text, kind):
    """The portal's search API (with the query's kind filter, as search_eval sends it) and
    Wagtail's API v2 search (which has no such filter), ten results each."""
    portal = {"q": text, "page_size": 10} | ({"kind": kind} if kind else {})
    return {
        "portal": "/api/search/?" + urllib.parse.urlencode(portal),
        "wagtail_api_v2": "/api/v2/pages/?" + urllib.parse.urlencode({"search": text, "limit": 10}),
    }


def http_search_latency(base, families, log, apis=("portal", "wagtail_api_v2")):
    """Per family, the latency of the portal's search API and of Wagtail's API v2 search (its
    database backend) on the same queries as typed: after a warm-up pass, HTTP_REPEAT passes,
    the two taking turns query by query. `apis`: which of the two."""
    results = {}
    for family, queries in families.items():
        log(f"HTTP search {family}: {len(queries)} queries")
        samples = {name: [] for name in apis}
        errors = dict.fromkeys(samples, 0)
        for timing in (False, *[True] * HTTP_REPEAT):
            for text, kind in queries:
                for name, path in search_paths(text, kind).items():
                    if name not in samples:
                        continue
                    milliseconds, ok = timed_fetch(base + path)
                    errors[name] += not ok
                    if timing:
                        samples[name].append(milliseconds)
        row = {"queries": len(queries)}
        for name, timings in samples.items():
            row[name] = {
                f"p{round(q * 100)}": round(percentile(timings, q), 2) for q in (0.5, 0.95, 0.99)
            } | {"non_200": errors[name]}
        if len(samples) == 2:
            row["portal_wagtail_p95_ratio"] = round(
                row["portal"]["p95"] / row["wagtail_api_v2"]["p95"], 2
            )
        results[family] = row
    return results


def production_env(target):
    """The target's environment under production settings, its static files collected and the
    shared cache's table created (the database was migrated under development settings)."""
    env = target.env(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="benchmark-only-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback, as behind the TLS proxy: no redirect to https.
        SECURE_SSL_REDIRECT="0",
        # Served at 127.0.0.1 on a free port, which is no site's address: the default site
        # answers (else every request is a 400 and the figures time the refusal).
        STRICT_SITE_HOSTS="0",
    )
    for command in (["collectstatic", "--noinput"], ["createcachetable"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"], cwd=REPO, env=env, check=True
        )
    return env


def run(target, log, search_queries, models=None, seconds=WRK_SECONDS):
    """`search_queries`: {family: [[text, kind], ...]} to time over HTTP (none: pages only)."""
    env = production_env(target)
    results = {}
    if search_queries:
        server = Gunicorn("portal.wsgi", env | {"PAGE_CACHE_SECONDS": "0"})
        try:
            results["search_http"] = http_search_latency(server.base, search_queries, log)
            results["memory_mb"] = memory_growth(server, list(pages.paths(env).values()), log)
        finally:
            server.stop()
    results["pages"] = pages.run(env, log, models or pages.DEFAULT_MODELS, seconds)
    return results


def memory_growth(server, paths, log, total=10_000):
    after_warm_up = server.worker_rss_mb()
    log(f"sending {total} requests for the memory check")
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: fetch(server.base + paths[n % len(paths)]), range(total)))
    return {"after_warm_up": after_warm_up, "after_10000_requests": server.worker_rss_mb()}


def ensure_wrk():
    if Path("/usr/bin/wrk").exists():
        return True
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
    return Path("/usr/bin/wrk").exists()
