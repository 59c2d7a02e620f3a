"""Search quality and latency on a development set of (query, kind, expected id) lines.

Runs each query through the API code path (`/api/search/`), as typed and with diacritics
stripped, and prints MRR@10, P@1 and latency p50/p95.
"""

import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from portal.core.text import fold

DEFAULT_CORPUS = settings.BASE_DIR.parent / "shared" / "corpus"


class Command(BaseCommand):
    help = "Measure search quality (MRR@10, P@1) and latency on a development query set."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
        parser.add_argument("--queries", type=Path, help="default: CORPUS/dev_queries.tsv")
        parser.add_argument(
            "--import",
            dest="do_import",
            action="store_true",
            help="import the corpus with import_content first (which indexes it), then sync",
        )
        parser.add_argument("--verbose-misses", action="store_true")

    def handle(self, *args, corpus, queries, do_import, verbose_misses, **options):
        queries = queries or corpus / "dev_queries.tsv"
        if not queries.exists():
            raise CommandError(f"no query set at {queries}")
        if do_import:
            files = [corpus / f"{n}.jsonl" for n in ("fields", "procedures", "legal_metadata")]
            call_command("import_content", *[str(f) for f in files + [corpus / "laws.jsonl"]])
            call_command("search_index", "sync")  # reports drift: none when imports index
        rows = [
            line.split("\t")
            for line in queries.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if "*" not in h), "localhost")
        client = Client(HTTP_HOST=host)
        for label, transform in (("as typed", str), ("unaccented", fold)):
            self.evaluate(client, label, rows, transform, verbose_misses)

    def evaluate(self, client, label, rows, transform, verbose_misses):
        reciprocal, first, latencies = [], 0, []
        for query, kind, expected in rows:
            started = time.perf_counter()
            response = client.get("/api/search/", {"q": transform(query), "kind": kind})
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                status, content = response.status_code, response.content[:300]
                raise CommandError(f"{query!r}: HTTP {status} {content!r}")
            found = [r["id"] for r in response.json()["results"]][:10]
            rank = found.index(expected) + 1 if expected in found else None
            reciprocal.append(1 / rank if rank else 0.0)
            first += rank == 1
            if verbose_misses and rank != 1:
                self.stdout.write(
                    f"  {transform(query)!r}: expected {expected}, rank {rank}, got {found[:3]}"
                )
        latencies.sort()
        p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
        self.stdout.write(
            f"{label:>10}: MRR@10 {statistics.mean(reciprocal):.3f}  P@1 {first / len(rows):.3f}  "
            f"latency p50 {statistics.median(latencies):.1f} ms  p95 {p95:.1f} ms  "
            f"({len(rows)} queries)"
        )
