"""Search quality and latency per query family, as typed and without diacritics.

Families (see search.evaluation.families): the development set; number look-ups generated from
legal_metadata.jsonl in the forms journalists type; procedure codes; everyday procedure words,
plain and abbreviated; the long legal questions. Each generated family is split into a tuning
half and a held-out half; report the held-out half. `--compare` runs Wagtail's database search
on the same queries beside the portal's. `--engine both` runs them on the embedded engine and on
the Elasticsearch cluster of ELASTICSEARCH_URL, each index first brought up to date with
`search_index sync`.
"""

from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from search.evaluation.runner import TRANSFORMS, PortalSearch, WagtailDatabaseSearch, evaluate
from search.evaluation.suite import build_families

DEFAULT_CORPUS = settings.BASE_DIR.parent / "shared" / "corpus"
IMPORTED = ("fields.jsonl", "procedures.jsonl", "legal_metadata.jsonl", "laws.jsonl")


def on_engine(url):
    """The portal's search on the embedded engine ("") or the cluster at `url`; None: as
    configured."""
    return nullcontext() if url is None else override_settings(ELASTICSEARCH_URL=url)


class Command(BaseCommand):
    help = "Measure search quality (MRR@10, P@1, R@10) and latency per query family."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
        parser.add_argument(
            "--import",
            dest="do_import",
            action="store_true",
            help="import the corpus with import_content first (which indexes it)",
        )
        parser.add_argument(
            "--phapdien",
            action="store_true",
            help="with --import, the 48,472 articles of the consolidated code too (minutes)",
        )
        parser.add_argument("--family", action="append", help="only these families")
        parser.add_argument(
            "--half",
            choices=("tune", "held-out", "both"),
            default="both",
            help="which half of each generated family to run (the dev set is always whole)",
        )
        parser.add_argument("--limit", type=int, help="at most this many queries per half")
        parser.add_argument("--compare", action="store_true", help="Wagtail's search beside")
        parser.add_argument("--misses", type=int, default=0, help="print up to N misses")
        parser.add_argument("--unaccented-only", action="store_true")
        parser.add_argument(
            "--engine",
            choices=("configured", "embedded", "elasticsearch", "both"),
            default="configured",
            help="the portal's engine to measure (both: embedded and ELASTICSEARCH_URL's cluster, "
            "each synced with the database first)",
        )

    def handle(self, *args, corpus, do_import, family, half, limit, compare, misses, **options):
        if not (corpus / "dev_legal_questions.tsv").exists():
            raise CommandError(f"no query sets in {corpus}")
        chosen = options["engine"]
        if chosen in ("elasticsearch", "both") and not settings.ELASTICSEARCH_URL:
            raise CommandError("--engine elasticsearch needs ELASTICSEARCH_URL: make elasticsearch")
        if do_import:
            names = IMPORTED + (("phapdien.jsonl.gz",) if options["phapdien"] else ())
            call_command("import_content", *[str(corpus / name) for name in names])
        urls = {"embedded": "", "elasticsearch": settings.ELASTICSEARCH_URL}
        if chosen == "configured":
            engines = [(PortalSearch(), None)]
        else:
            names = ("embedded", "elasticsearch") if chosen == "both" else (chosen,)
            engines = [(PortalSearch(name), urls[name]) for name in names]
        if compare:
            engines.append((WagtailDatabaseSearch(), None))
        for _, url in engines:
            if url is not None:
                with on_engine(url):
                    call_command("search_index", "sync", stdout=self.stdout)
        transforms = dict(TRANSFORMS)
        if options["unaccented_only"]:
            transforms.pop("typed")
        for name, (tune, held_out) in build_families(corpus).items():
            if family and name not in family:
                continue
            halves = {"all": tune} if not held_out else {"tune": tune, "held-out": held_out}
            for half_name, queries in halves.items():
                if half not in ("both", half_name) and half_name != "all":
                    continue
                queries = queries[:limit] if limit else queries
                for engine, url in engines:
                    for label, transform in transforms.items():
                        with on_engine(url):
                            result, missed = evaluate(engine, queries, transform)
                        self.stdout.write(
                            f"{name:13} {half_name:8} {engine.name:10} {label:10} "
                            f"n={result.queries:4}  {result.line()}"
                        )
                        for miss in missed[:misses]:
                            self.stdout.write(f"    miss {miss}")
