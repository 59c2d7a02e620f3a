"""Page throughput: wrk on every page type under gunicorn (production settings), without and with
the page cache, for each worker model, against the same HTML saved to files and served by
whitenoise (the practical ceiling of the machine)."""

from .environment import WORK, module_json
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
    return module_json("bench.page_urls", env)


def save_static_copies(env, page_paths):
    """The pages' HTML as files, for the ceiling (whitenoise reads its folder when it starts)."""
    root = WORK / "static-copy"
    root.mkdir(parents=True, exist_ok=True)
    server = Gunicorn("portal.wsgi", env | {"PAGE_CACHE_SECONDS": "0"}, MODELS["sync-2"])
    try:
        for name, path in page_paths.items():
            (root / f"{name}.html").write_bytes(fetch(server.base + path))
    finally:
        server.stop()
    return root


def run(env, log, models, seconds):
    """{"paths", "models": {model: {"uncached"|"cached": {page: wrk}}}}. Each figure has beside it
    the static ceiling measured right after it under the same worker model (the machine may be
    shared: a ceiling measured minutes apart would not compare), their ratio, and the load
    average when it started."""
    page_paths = paths(env)
    results = {
        "paths": page_paths,
        "wrk": f"{WRK_CONNECTIONS} connections, {seconds}s",
        "cache_seconds": CACHE_SECONDS,
        "models": {},
    }
    static_root = save_static_copies(env, page_paths)
    for model in models:
        ceiling = Gunicorn(
            "bench.static_site:application",
            env | {"BENCH_STATIC_ROOT": str(static_root)},
            MODELS["sync-2"] if model in APPS else MODELS[model],
        )
        try:
            for label, cache_seconds in (("uncached", 0), ("cached", CACHE_SECONDS)):
                figures = results["models"].setdefault(model, {}).setdefault(label, {})
                server = Gunicorn(
                    APPS.get(model, "portal.wsgi"),
                    env | {"PAGE_CACHE_SECONDS": str(cache_seconds)},
                    MODELS[model],
                )
                try:
                    for name, path in page_paths.items():
                        fetch(server.base + path)  # warm-up (and the cache's first fill)
                        log(f"[{model} {label}] wrk {name} {path}")
                        figure = wrk(server.base + path, seconds)
                        figure["static"] = wrk(f"{ceiling.base}/{name}.html", seconds)
                        figure["fraction_of_ceiling"] = round(
                            figure["rps"] / figure["static"]["rps"], 3
                        )
                        figures[name] = figure
                finally:
                    server.stop()
        finally:
            ceiling.stop()
    return results


def print_table(results):
    print(
        f"\nPage throughput, wrk {results['wrk']}; cached: PAGE_CACHE_SECONDS="
        f"{results['cache_seconds']}.\n  Each cell: req/s, fraction of the static ceiling measured "
        "right after it under the same workers, load average at its start"
    )
    models = results["models"]
    print(f"  {'page':16}" + "".join(f"{m:^44}" for m in models))
    print(f"  {'':16}" + f"{'uncached':>22}{'cached':>22}" * len(models))
    for name in results["paths"]:
        cells = [f"  {name:16}"]
        for by_label in models.values():
            for label in ("uncached", "cached"):
                cells.append(f"{cell(by_label[label][name]):>22}")
        print("".join(cells))


def cell(figure):
    return f"{figure['rps']:.0f} {figure['fraction_of_ceiling']:.2f} l{figure['load_1min']:.1f}"
