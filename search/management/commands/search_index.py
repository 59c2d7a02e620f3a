"""`search_index rebuild` builds a fresh index and swaps it in; `sync` repairs drift."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.collect import all_documents
from search.engines import EngineUnavailable, get_engine


class Command(BaseCommand):
    help = "Rebuild the search index from scratch, or sync it with the published pages."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync"])

    def handle(self, *args, action, **options):
        engine = get_engine()
        started = time.perf_counter()
        try:
            if action == "rebuild":
                count = engine.rebuild(all_documents(), progress=self.progress)
                self.stdout.write(f"Rebuilt the {engine.name} index: {count} entries.")
            else:
                self.sync(engine)
        except EngineUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")

    def progress(self, count):
        self.stdout.write(f"  {count} entries indexed…")

    def sync(self, engine):
        if not engine.is_current():
            count = engine.rebuild(all_documents(), progress=self.progress)
            self.stdout.write(f"The index was built by an older version: rebuilt, {count} entries.")
            return
        documents = {doc.key: doc for doc in all_documents()}
        indexed = engine.keys()
        missing = [doc for key, doc in documents.items() if key not in indexed]
        extra = sorted(indexed - documents.keys())
        if extra:
            engine.remove(extra)
        if missing:
            engine.index(missing)
        self.stdout.write(f"Synced: {len(missing)} entries added, {len(extra)} removed.")
