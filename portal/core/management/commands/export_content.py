import gzip
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from portal.core.importing import importers
from portal.core.sites import UnknownSite, site_by_hostname


class Command(BaseCommand):
    help = "Write content in the interchange format (JSON Lines; gzipped when FILE ends in .gz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            dest="kinds",
            metavar="KIND",
            help="Export only this kind (repeatable). Default: every kind.",
        )
        parser.add_argument("-o", "--output", metavar="FILE", help="Default: standard output.")
        parser.add_argument(
            "--site",
            metavar="HOST",
            help="Export only this agency's own content (hostname). Default: every site.",
        )

    def handle(self, kinds=None, output=None, site=None, **options):
        try:
            site = site_by_hostname(site) if site else None
        except UnknownSite as error:
            raise CommandError(f"--site: {error}") from None
        self.site = site
        known = importers()
        unknown = sorted(set(kinds or []) - set(known))
        if unknown:
            raise CommandError(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(known)}")
        selected = [known[kind] for kind in (kinds or known)]
        if output is None:
            self._write(selected, sys.stdout)
            return
        opener = gzip.open if output.endswith(".gz") else open
        try:
            with opener(output, "wt", encoding="utf-8") as handle:
                count = self._write(selected, handle)
        except OSError as error:
            raise CommandError(f"{output}: cannot be written: {error}") from None
        self.stderr.write(f"{count} lines written to {output}")

    def _write(self, importer_classes, handle):
        count = 0
        for importer_class in importer_classes:
            importer = importer_class()
            importer.site = self.site
            for line in importer.export():
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        return count
