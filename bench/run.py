"""`make bench`: import, indexing, search latency and page throughput, side by side with
Wagtail's database search and a static ceiling, in one run. Prints a table and writes
bench/results/<date>.json.

Usage: python -m bench.run [--skip-postgres] [--skip-phapdien]
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time

from . import imports, indexing, throughput
from .environment import CORPUS, REPO, drop_postgres, postgres_target, sqlite_target

RESULTS = REPO / "bench" / "results"


def log(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def latency(target):
    result = subprocess.run(
        [sys.executable, "-m", "bench.latency_probe"],
        cwd=REPO,
        env=target.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-phapdien", action="store_true", help="leave out the 58 MB code")
    options = parser.parse_args()
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
        report["search_in_process_ms"] = {target.name: latency(target) for target in targets}
        if throughput.ensure_wrk():
            report["throughput"] = throughput.run(targets[0], log)
        else:
            report["throughput"] = "skipped: wrk could not be installed"
    finally:
        if postgres:
            drop_postgres(postgres)

    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.date.today().isoformat()}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(report)
    print(f"\nwritten to {path.relative_to(REPO)}")


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
    print("\nSearch latency in-process (ms)       p50      p95      p99  queries answered")
    for database, engines in report["search_in_process_ms"].items():
        for engine, values in engines.items():
            print(
                f"  {database:9} {engine:18} {values['p50']:8} {values['p95']:8} {values['p99']:8}"
                f"  {values['answered']}"
            )
        ratio = engines["wagtail_database"]["p50"] / engines["portal"]["p50"]
        print(f"  {database:9} wagtail/portal p50 ratio: {ratio:.2f}")
    through = report["throughput"]
    if isinstance(through, str):
        print(f"\nThroughput {through}")
        return
    print(f"\nSearch over HTTP (ms): {through['search_http_ms']}")
    print(
        f"\nThroughput, gunicorn {through['workers']} workers, wrk {through['wrk']} "
        "(req/s; fraction of the static ceiling)"
    )
    for name, page in through["pages"].items():
        uncached, cached = page["uncached"], page["cached"]
        print(
            f"  {name:10} uncached {uncached['rps']:8.0f} ({uncached['fraction_of_ceiling']:.2f})"
            f"  cached {cached['rps']:8.0f} ({cached['fraction_of_ceiling']:.2f})"
            f"  static {page['static']['rps']:8.0f}  p99 uncached {uncached['latency'].get('99')}"
        )
    print(f"\nWorker RSS MB: {through['memory_mb']}")


if __name__ == "__main__":
    main()
