"""Run inside a target's environment: the query families of `manage.py search_eval` through the
portal's search (the API code path) and Wagtail's database search, as typed and unaccented.

The dev set whole; of every other family its held-out half, sampled to at most SAMPLE queries
with a fixed seed. Each engine ranks the queries once (MRR@10, P@1, R@10; also the warm-up),
then every query is timed REPEAT more times; p50/p95/p99 are over all those timings.

Prints one JSON object: the database, Wagtail's search backend, and per family the queries
sent (so the HTTP part can send the same), how many expect a legal article, and the scores.
"""

import dataclasses
import json
import os
import random
import sys

import django

django.setup()

from django.db import connection  # noqa: E402

from wagtail.search.backends import get_search_backend  # noqa: E402

from bench.environment import CORPUS  # noqa: E402
from search.evaluation.families import SEED  # noqa: E402
from search.evaluation.runner import (  # noqa: E402
    TRANSFORMS,
    PortalSearch,
    WagtailDatabaseSearch,
    evaluate,
)
from search.evaluation.suite import build_families  # noqa: E402

SAMPLE = 80
REPEAT = 5


def sample(name, queries):
    """At most SAMPLE of the queries, in their order, the same ones on every run."""
    if len(queries) <= SAMPLE:
        return queries
    chosen = random.Random(f"{SEED} {name}").sample(range(len(queries)), SAMPLE)
    return [queries[i] for i in sorted(chosen)]


def rounded(score):
    return {key: round(value, 3) for key, value in dataclasses.asdict(score).items()}


def main():
    engines = [PortalSearch()]
    # With ELASTICSEARCH_URL set Wagtail searches that cluster, not the database: the database
    # search is measured in the run without it (bench/engines.py).
    if not os.environ.get("BENCH_PORTAL_ONLY"):
        engines.append(WagtailDatabaseSearch())
    families = {}
    for name, (tune, held_out) in build_families(CORPUS).items():
        # A family without a held-out half (the dev set) is reported whole, as search_eval does.
        queries = sample(name, held_out or tune)
        print(f"  {name}: {len(queries)} queries", file=sys.stderr, flush=True)
        families[name] = {
            "half": "held-out" if held_out else "all",
            "queries": [[query.text, query.kind] for query in queries],
            "article_queries": sum("#" in query.expected for query in queries),
            "scores": {
                label: {
                    engine.name: rounded(evaluate(engine, queries, transform, REPEAT)[0])
                    for engine in engines
                }
                for label, transform in TRANSFORMS.items()
            },
        }
    report = {
        "database": connection.vendor,
        "wagtail_backend": type(get_search_backend()).__name__,
        "repeat": REPEAT,
        "families": families,
    }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
