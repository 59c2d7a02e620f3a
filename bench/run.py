"""`make bench`: import, indexing, search quality and latency per query family, and page
throughput, side by side with Wagtail's database search and a static ceiling, in one run.
Prints a table and writes bench/results/<date>.json.

Usage: python -m bench.run [--skip-postgres] [--skip-phapdien] [--statistics [N]] [--concurrency]
       python -m bench.run --only-throughput [--models M ...] [--wrk-seconds S]
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time

from . import alerts, concurrency, engines, imports, indexing, pages, sites, statistics, throughput
from .environment import (
    CORPUS,
    REPO,
    drop_postgres,
    existing_target,
    module_json,
    postgres_target,
    sqlite_target,
)
from .serving import WRK_SECONDS

RESULTS = REPO / "bench" / "results"


def log(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def search_in_process(target, log):
    log(f"[{target.name}] search quality and latency per query family, in-process")
    result = subprocess.run(
        [sys.executable, "-m", "bench.latency_probe"],
        cwd=REPO,
        env=target.env(),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-phapdien", action="store_true", help="leave out the 58 MB code")
    parser.add_argument(
        "--sites", action="store_true", help="also time 34 provincial sites (bench/sites.py)"
    )
    parser.add_argument(
        "--only-alerts", action="store_true", help="only the alerts digests step (no corpus)"
    )
    parser.add_argument(
        "--statistics",
        type=int,
        nargs="?",
        const=1_000_000,
        metavar="N",
        help="also import N generated processing records and time the statistics queries",
    )
    parser.add_argument(
        "--concurrency",
        action="store_true",
        help="also post submissions from 16 clients for 60 s during an import",
    )
    parser.add_argument(
        "--only-throughput",
        action="store_true",
        help="only page throughput: on DATABASE_URL when set, else on the last run's SQLite "
        "database (imported first when missing)",
    )
    parser.add_argument(
        "--models",
        nargs="+",
        choices=list(pages.MODELS),
        default=pages.DEFAULT_MODELS,
        help="gunicorn worker models to measure pages under (default: the production one)",
    )
    parser.add_argument("--wrk-seconds", type=int, default=WRK_SECONDS)
    parser.add_argument(
        "--skip-elasticsearch", action="store_true", help="leave out the Elasticsearch stack"
    )
    options = parser.parse_args()
    if options.only_alerts:
        report = {"alerts": [alerts.run(sqlite_target(), log, migrate=True)]}
        print(json.dumps(report, indent=2))
        return
    if options.only_throughput:
        only_throughput(options)
        return
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is not at {CORPUS}")
    if options.skip_phapdien:
        imports.FILES.remove("phapdien.jsonl.gz")

    report = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "machine": machine()}
    targets = [sqlite_target()]
    postgres = None if options.skip_postgres else postgres_target()
    if postgres:
        targets.append(postgres)
    try:
        report["import"] = [row for target in targets for row in imports.run(target, log)]
        report["indexing"] = [indexing.run(target, log) for target in targets]
        report["alerts"] = [alerts.run(target, log) for target in targets]
        if options.statistics:
            report["statistics"] = [
                statistics.run(target, options.statistics, log) for target in targets
            ]
        if options.concurrency:
            report["concurrency"] = [concurrency.run(target, log=log) for target in targets]
        report["search_in_process"] = {
            target.name: search_in_process(target, log) for target in targets
        }
        if throughput.ensure_wrk():
            # The same sampled queries over HTTP, per family.
            families = report["search_in_process"][targets[0].name]["families"]
            queries = {name: family["queries"] for name, family in families.items()}
            report["throughput"] = throughput.run(
                targets[0], log, queries, options.models, options.wrk_seconds
            )
            if not options.skip_elasticsearch:
                report["elasticsearch"] = engines.elasticsearch(targets[0], log, queries)
        else:
            report["throughput"] = "skipped: wrk could not be installed"
        report["long_document"] = long_document(log)
        if options.sites:
            report["sites"] = sites.run(log)
    finally:
        if postgres:
            drop_postgres(postgres)

    path = write(report)
    print_table(report)
    if "elasticsearch" in report:
        engines.print_table(
            report["elasticsearch"],
            report["search_in_process"][targets[0].name],
            report["throughput"]["search_http"],
            report["indexing"][0],
        )
    if "sites" in report:
        sites.print_table(report["sites"])
    if "statistics" in report:
        statistics.print_rows(report["statistics"])
    if "concurrency" in report:
        concurrency.print_rows(report["concurrency"])
    print(f"\nwritten to {path.relative_to(REPO)}")


def long_document(log):
    """`bench.long_document` in its own process (it builds its own database): render time of a
    legal document with 700 articles."""
    log("long legal document: 700 articles")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return module_json("bench.long_document", env)


def only_throughput(options):
    if os.environ.get("DATABASE_URL"):
        target = existing_target()
    else:
        target, imported = imports.previous_sqlite(log)
        if imported:
            indexing.run(target, log)
    if not throughput.ensure_wrk():
        sys.exit("wrk could not be installed")
    report = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "database": target.database_url,
        "throughput": throughput.run(target, log, None, options.models, options.wrk_seconds),
        "long_document": long_document(log),
    }
    path = write(report, "throughput")
    print_throughput(report["throughput"])
    print(f"\nLegal document with 700 articles: {report['long_document']}")
    print(f"\nwritten to {path.relative_to(REPO)}")


def write(report, suffix=""):
    RESULTS.mkdir(exist_ok=True)
    name = datetime.datetime.now().strftime("%Y-%m-%dT%H%M") if suffix else None
    path = RESULTS / (f"{name}-{suffix}.json" if suffix else f"{datetime.date.today()}.json")
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def machine():
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0]}


def print_table(report):
    print("\nImport (wall s, peak RSS MB)")
    for row in report["import"]:
        print(
            f"  {row['database']:9} {row['file']:22} {row['seconds']:8.1f}s "
            f"{row['peak_rss_mb']:6} MB  {row['summary']}"
        )
    print("\nIndexing")
    for row in report["indexing"]:
        print(
            f"  {row['database']:9} rebuild {row['portal_rebuild_seconds']}s, "
            f"{row['articles_per_second']} articles/s, "
            f"peak {row['portal_rebuild_peak_rss_mb']} MB, index {row['index_size_mb']} MB; "
            f"wagtail update_index {row['wagtail_update_index_seconds']}s"
        )
    print_search_in_process(report["search_in_process"])
    through = report["throughput"]
    if isinstance(through, str):
        print(f"\nThroughput {through}")
        return
    print_search_http(through["search_http"])
    print(f"\nWorker RSS MB: {through['memory_mb']}")
    print_throughput(through)
    print(f"\nLegal document with 700 articles: {report['long_document']}")


def print_throughput(through):
    pages.print_table(through["pages"])


def print_search_in_process(results):
    backends = ", ".join(f"{name} {result['wagtail_backend']}" for name, result in results.items())
    repeat = next(iter(results.values()))["repeat"]
    print(
        "\nSearch in-process: the search_eval families (dev whole, the others' held-out halves, "
        "sampled);\n  portal: the /api/search/ code path; "
        f"wagtail-db: Page.objects.live().search() ({backends});"
        f"\n  ms over {repeat} timed passes after a warm-up"
    )
    scores = "MRR@10   P@1  R@10    p50    p95"
    print(f"  {'':37}{'portal':^34}  {'wagtail-db':^34}".rstrip())
    print(f"  {'database':9}{'family':15}{'n':>3} {'transform':11}{scores}   {scores}")
    for database, result in results.items():
        for family, data in result["families"].items():
            marked = family + ("*" if data["article_queries"] else "")
            for transform, scores in data["scores"].items():
                cells = "   ".join(score_cells(scores[name]) for name in ("portal", "wagtail-db"))
                print(f"  {database:9}{marked:15}{len(data['queries']):3} {transform:11}{cells}")
    for database, result in results.items():
        families = [
            f"{family} {data['article_queries']}/{len(data['queries'])}"
            for family, data in result["families"].items()
            if data["article_queries"]
        ]
        if not families:
            continue
        engine = (
            "the engine of Wagtail's SQLite backend"
            if result["database"] == "sqlite"
            else f"NOT {result['wagtail_backend']}, which searches the pages"
        )
        print(
            f"  * {database}: {', '.join(families)} expect a legal article; articles are not pages,"
            f"\n    so wagtail-db searches them in SQLite FTS5 built in memory: {engine}"
        )


def score_cells(s):
    return f"{s['mrr']:6.3f} {s['p1']:5.3f} {s['r10']:5.3f} {s['p50']:6.1f} {s['p95']:6.1f}"


def print_search_http(results):
    print(
        "\nSearch over HTTP, gunicorn with production settings: the same queries as typed, "
        "ms over every timed pass"
    )
    print(
        f"  {'family':15}{'n':>3}  {'/api/search/':^15}  {'/api/v2/pages/?search':^21}"
        "  portal p95 / wagtail p95"
    )
    print(f"  {'':18}  {'p50':>7}{'p95':>8}  {'p50':>10}{'p95':>11}")
    for family, row in results.items():
        portal, wagtail = row["portal"], row["wagtail_api_v2"]
        errors = ""
        if portal["non_200"] or wagtail["non_200"]:
            errors = f"  (not 200: portal {portal['non_200']}, wagtail {wagtail['non_200']})"
        print(
            f"  {family:15}{row['queries']:3}  {portal['p50']:7.1f}{portal['p95']:8.1f}"
            f"  {wagtail['p50']:10.1f}{wagtail['p95']:11.1f}"
            f"  {row['portal_wagtail_p95_ratio']:10.2f}{errors}"
        )


if __name__ == "__main__":
    main()
