"""The three search stacks on the same corpus, on the same machine, in one run: the portal's
search on Elasticsearch (a real node of search/node/, started here), on the embedded engine, and
Wagtail's database search.

Per stack: indexing time (`search_index rebuild`; Wagtail's `update_index`), and per query family
(held-out halves, sampled as bench/latency_probe.py samples them) MRR@10 as typed and unaccented
in-process, and p50/p95 over HTTP under gunicorn with production settings.

`make bench` runs it after the other parts; alone, on the last run's SQLite database (imported
and indexed first when missing):

    .venv/bin/python -m bench.engines [--skip-phapdien]
"""

import argparse
import datetime
import json
import os
import sys

from search.localnode import Cluster, NodeError, free_ports

from . import imports, indexing
from .environment import REPO, WORK, module_json
from .serving import Gunicorn
from .throughput import http_search_latency, production_env

HEAP = "1g"


def elasticsearch(target, log, search_queries):
    """Index the target's content on a fresh node and measure the portal's search on it."""
    log("[elasticsearch] starting a node")
    try:
        cluster = Cluster(WORK / "elasticsearch", heap=HEAP, ports=free_ports(1))
        url = cluster.start()
    except NodeError as error:
        return {"skipped": str(error)}
    es = {
        "ELASTICSEARCH_URL": url,
        "ELASTICSEARCH_INDEX_PREFIX": f"bench{os.getpid()}",
        "ELASTICSEARCH_REPLICAS": "0",
    }
    try:
        log("[elasticsearch] search_index rebuild")
        rebuild = target.manage("search_index", "rebuild", extra=es)
        log("[elasticsearch] search quality and latency per query family, in-process")
        quality = module_json("bench.latency_probe", target.env(**es, BENCH_PORTAL_ONLY="1"))
        server = Gunicorn("portal.wsgi", production_env(target) | es | {"PAGE_CACHE_SECONDS": "0"})
        try:
            http = http_search_latency(server.base, search_queries, log, apis=("portal",))
        finally:
            server.stop()
    finally:
        cluster.stop()
    return {
        "version": "8.19 (search/node/pom.xml)",
        "heap": HEAP,
        "rebuild_seconds": round(rebuild.seconds, 1),
        "rebuild_peak_rss_mb": round(rebuild.peak_rss_mb),
        "search_in_process": quality,
        "search_http": http,
    }


def print_table(report, embedded_in_process, embedded_http, indexing_row):
    es = report
    if "skipped" in es:
        print(f"\nElasticsearch skipped: {es['skipped']}")
        return
    print(
        "\nThree stacks, one corpus (sqlite): indexing "
        f"elasticsearch {es['rebuild_seconds']}s, "
        f"embedded {indexing_row['portal_rebuild_seconds']}s, "
        f"wagtail update_index {indexing_row['wagtail_update_index_seconds']}s"
    )
    print(
        "  MRR@10 in-process (typed / unaccented) and HTTP ms p50/p95 (as typed), per family:"
        f"\n  {'family':15}{'n':>3}  {'elasticsearch':^23}{'embedded':^23}{'wagtail-db':^23}"
    )
    for family, data in es["search_in_process"]["families"].items():
        ours = data["scores"]
        theirs = embedded_in_process["families"][family]["scores"]
        http_es = es["search_http"][family]["portal"]
        http_embedded = embedded_http[family]["portal"]
        http_wagtail = embedded_http[family]["wagtail_api_v2"]

        def cells(scores, name, http):
            typed, unaccented = scores["typed"][name]["mrr"], scores["unaccented"][name]["mrr"]
            refused = f" ({http['non_200']} not 200)" if http["non_200"] else ""
            return f"{typed:5.3f}/{unaccented:5.3f} {http['p50']:5.0f}/{http['p95']:<5.0f}{refused}"

        print(
            f"  {family:15}{len(data['queries']):3}  {cells(ours, 'portal', http_es):23}"
            f"{cells(theirs, 'portal', http_embedded):23}"
            f"{cells(theirs, 'wagtail-db', http_wagtail):23}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-phapdien", action="store_true", help="leave out the 58 MB code")
    options = parser.parse_args()

    def log(message):
        print(f"{datetime.datetime.now():%H:%M:%S} {message}", file=sys.stderr, flush=True)

    target, _ = imports.previous_sqlite(log, options.skip_phapdien)
    indexing_row = indexing.run(target, log)
    log("[embedded] search quality and latency per query family, in-process")
    embedded = module_json("bench.latency_probe", target.env())
    queries = {name: family["queries"] for name, family in embedded["families"].items()}
    server = Gunicorn("portal.wsgi", production_env(target) | {"PAGE_CACHE_SECONDS": "0"})
    try:
        embedded_http = http_search_latency(server.base, queries, log)
    finally:
        server.stop()
    report = elasticsearch(target, log, queries)
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    path = results / f"{datetime.datetime.now():%Y-%m-%dT%H%M}-engines.json"
    everything = {
        "indexing": indexing_row,
        "embedded": {"search_in_process": embedded, "search_http": embedded_http},
        "elasticsearch": report,
    }
    path.write_text(json.dumps(everything, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(report, embedded, embedded_http, indexing_row)
    print(f"\nwritten to {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
