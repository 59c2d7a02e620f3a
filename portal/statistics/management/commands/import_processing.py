import sys

from django.core.management.base import BaseCommand, CommandError

from portal.core.importing.reader import ImportFileError

from ...csvfiles import ProcessingImportRun


class Command(BaseCommand):
    help = (
        "Import processing records (kind `processing`) from CSV files with the interchange "
        "format's columns, or JSON Lines files; each bad line is reported as FILE:LINE: field: "
        "reason and skipped, and the exit status is then non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Validate only.")

    def handle(self, files, dry_run=False, **options):
        run = ProcessingImportRun(
            dry_run=dry_run, progress=self._progress, command="import_processing"
        )
        try:
            report = run.import_files(files)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        for problem in report.errors:
            self.stderr.write(problem)
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{report.summary()}")
        if not report.ok:
            sys.exit(1)

    def _progress(self, path, lines, seconds):
        self.stderr.write(f"{path}: {lines} lines ({lines / seconds if seconds else 0:.0f}/s)")
