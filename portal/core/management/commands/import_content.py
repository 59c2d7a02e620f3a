import sys

from django.core.management.base import BaseCommand, CommandError

from portal.core.importing.reader import ImportFileError
from portal.core.importing.runner import ImportRun
from portal.core.sites import UnknownSite, site_by_hostname


class Command(BaseCommand):
    help = (
        "Import JSON Lines files (plain or .gz) in the interchange format. Invalid lines are "
        "reported as FILE:LINE: field: reason and skipped; the exit status is then non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate every line, write nothing."
        )
        parser.add_argument(
            "--site",
            metavar="HOST",
            help="The agency's site (hostname) for lines naming none. Default: the national site.",
        )

    def handle(self, files, dry_run=False, site=None, **options):
        try:
            site = site_by_hostname(site) if site else None
        except UnknownSite as error:
            raise CommandError(f"--site: {error}") from None
        run = ImportRun(dry_run=dry_run, progress=self._progress, site=site)
        try:
            report = run.import_files(files)
        except ImportFileError as error:
            for problem in run.report.errors:
                self.stderr.write(problem)
            raise CommandError(str(error)) from None
        for problem in report.errors:
            self.stderr.write(problem)
        for note in report.notes:
            self.stdout.write(note)
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{report.summary()}")
        if not report.ok:
            # Valid lines were imported; the status still tells scripts that some were not.
            sys.exit(1)

    def _progress(self, path, lines, seconds):
        rate = lines / seconds if seconds else 0
        self.stderr.write(f"{path}: {lines} lines ({rate:.0f} lines/s)")
