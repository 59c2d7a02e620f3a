"""`search_index rebuild` builds a fresh index and swaps it in, without losing what is published
meanwhile; `sync` repairs drift: missing, extra and stale entries."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.collect import all_documents
from search.documents import content_hash
from search.engines import EngineUnavailable, get_engine
from search.repair import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from scratch, or sync it with the published pages."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync"])

    def handle(self, *args, action, **options):
        engine = get_engine()
        started = time.perf_counter()
        try:
            if action == "rebuild":
                count = rebuild(engine, progress=self.progress)
                self.stdout.write(f"Rebuilt the {engine.name} index: {count} entries.")
            else:
                self.sync(engine)
        except EngineUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")

    def progress(self, count):
        self.stdout.write(f"  {count} entries indexed…")

    def sync(self, engine):
        damage = engine.damage()
        if damage:
            count = rebuild(engine, progress=self.progress)
            self.stdout.write(f"{damage.partition(';')[0].capitalize()}: rebuilt, {count} entries.")
            return
        if not engine.is_current():
            count = rebuild(engine, progress=self.progress)
            self.stdout.write(f"The index was built by an older version: rebuilt, {count} entries.")
            return
        documents = {doc.key: doc for doc in all_documents()}
        indexed = engine.fingerprints()
        missing = [doc for key, doc in documents.items() if key not in indexed]
        stale = [
            doc
            for key, doc in documents.items()
            if key in indexed and indexed[key] != content_hash(doc)
        ]
        extra = sorted(indexed.keys() - documents.keys())
        if extra:
            engine.remove(extra)
        if missing or stale:
            engine.index(missing + stale)
        self.stdout.write(
            f"Synced: {len(missing)} entries added, {len(stale)} stale entries updated, "
            f"{len(extra)} removed."
        )
        for label, entries in (("added", missing), ("updated", stale)):
            for doc in entries[:20]:
                self.stdout.write(f"  {label}: {doc.key}")
        for key in extra[:20]:
            self.stdout.write(f"  removed: {key}")
