"""Page throughput: wrk on every page type under gunicorn (production settings), without and with
the page cache, for each worker model, against the same HTML saved to files and served by
whitenoise (the practical ceiling of the machine)."""

import json
import subprocess
import sys

from .environment import REPO, WORK
from .serving import WRK_CONNECTIONS, Gunicorn, fetch, wrk

CACHE_SECONDS = 3600
# Worker models compared on this machine (2 cores); the production configuration
# (portal/gunicorn.conf.py) is the one these figures chose.
MODELS = {
    "production": None,
    "sync-2": ["--workers", "2"],
    "sync-4": ["--workers", "4"],
    "gthread-2x4": ["--workers", "2", "--worker-class", "gthread", "--threads", "4"],
    # Gunicorn's own asyncio worker on Django's ASGI handler (sync views run in a thread).
    "asgi-2": ["--workers", "2", "--worker-class", "asgi"],
}
DEFAULT_MODELS = ["production"]
APPS = {"asgi-2": "django.core.asgi:get_asgi_application()"}


def paths(env):
    """{page type: path} of the target's default site (bench/page_urls.py)."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.page_urls"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(env, log, models, seconds):
    """{"paths", "static": {page: wrk}, "models": {model: {"uncached"|"cached": {page: wrk}}}};
    every figure carries the fraction of the static ceiling and the load average at its start."""
    page_paths = paths(env)
    results = {
        "paths": page_paths,
        "wrk": f"{WRK_CONNECTIONS} connections, {seconds}s",
        "cache_seconds": CACHE_SECONDS,
        "models": {},
    }
    static_root = WORK / "static-copy"
    static_root.mkdir(parents=True, exist_ok=True)
    for model in models:
        for label, cache_seconds in (("uncached", 0), ("cached", CACHE_SECONDS)):
            server = Gunicorn(
                APPS.get(model, "portal.wsgi"),
                env | {"PAGE_CACHE_SECONDS": str(cache_seconds)},
                MODELS[model],
            )
            try:
                figures = results["models"].setdefault(model, {}).setdefault(label, {})
                for name, path in page_paths.items():
                    body = fetch(server.base + path)  # warm-up (and the cache's first fill)
                    if not cache_seconds and model == models[0]:
                        (static_root / f"{name}.html").write_bytes(body)
                    log(f"[{model} {label}] wrk {name} {path}")
                    figures[name] = wrk(server.base + path, seconds)
            finally:
                server.stop()
    ceiling = Gunicorn(
        "bench.static_site:application",
        env | {"BENCH_STATIC_ROOT": str(static_root)},
        MODELS["sync-2"],
    )
    try:
        results["static"] = {}
        for name in page_paths:
            log(f"[static ceiling] wrk {name}")
            results["static"][name] = wrk(f"{ceiling.base}/{name}.html", seconds)
    finally:
        ceiling.stop()
    for by_label in results["models"].values():
        for figures in by_label.values():
            for name, figure in figures.items():
                figure["fraction_of_ceiling"] = round(
                    figure["rps"] / results["static"][name]["rps"], 3
                )
    return results


def print_table(results):
    print(
        f"\nPage throughput, wrk {results['wrk']} (req/s, fraction of the static "
        f"ceiling, load average at start); cached: PAGE_CACHE_SECONDS={results['cache_seconds']}"
    )
    static = results["static"]
    print(f"  {'page':16}{'static':>16}" + "".join(f"{m:>36}" for m in results["models"]))
    print(f"  {'':32}" + f"{'uncached':>18}{'cached':>18}" * len(results["models"]))
    for name in results["paths"]:
        cells = [f"  {name:16}{cell(static[name], None):>16}"]
        for by_label in results["models"].values():
            cells += [
                f"{cell(by_label[label][name], True):>18}" for label in ("uncached", "cached")
            ]
        print("".join(cells))


def cell(figure, fraction):
    text = f"{figure['rps']:.0f}"
    if fraction:
        text += f" {figure['fraction_of_ceiling']:.2f}"
    return f"{text} l{figure['load_1min']:.1f}"
