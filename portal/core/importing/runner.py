"""Runs an import over a set of files: validate each line, upsert it, report what failed."""

import time
from collections import Counter
from dataclasses import dataclass, field

from pydantic import ValidationError

from django.db import DatabaseError, transaction
from django.utils import timezone

from ..publishing import Actor, acting_as
from ..site_structure import ensure_home
from ..sites import UnknownSite, national_site, site_by_hostname
from ..transient import in_transaction
from .base import LineError, Outcome
from .reader import TruncatedFile, parse_kind, read_lines
from .records import close_interrupted, this_process
from .registry import importers
from .stopping import stop_if_asked, stopped_by_sigterm

_PYDANTIC_REASONS = {"missing": "required key is missing"}
BATCH_SIZE = 500
# SQLite has one write lock for the whole database: an import commits at least this often, so
# citizens' submissions, searches and the worker wait at most about this long behind it.
TRANSACTION_SECONDS = 0.5
KEPT_REJECTED_LINES = 1000  # of an import run's record, for the admin report


@dataclass
class ImportReport:
    outcomes: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    # What a run did besides its outcomes that its operator should know (not an error).
    notes: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        parts = [f"{self.outcomes[outcome]} {outcome.value}" for outcome in Outcome]
        return ", ".join(parts) + f", {len(self.errors)} invalid"


def describe_validation_error(error: ValidationError):
    """`field: reason` for each problem pydantic found, the field as a dotted path."""
    problems = []
    for detail in error.errors():
        location = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in detail["loc"]
        ).lstrip(".")
        reason = _PYDANTIC_REASONS.get(detail["type"], detail["msg"])
        problems.append(f"{location or 'line'}: {reason}")
    return problems


def _find_site(field_name, value):
    from ..models import AgencySettings

    if field_name == "site":
        try:
            return site_by_hostname(value)
        except UnknownSite as error:
            raise LineError("site", str(error)) from None
    found = AgencySettings.objects.filter(province__iexact=value).select_related("site")
    sites = [settings.site for settings in found]
    if len(sites) != 1:
        reason = "no site" if not sites else "more than one site"
        raise LineError("province", f"{reason} for province {value!r}")
    return sites[0]


COUNTS = ("lines", "created", "changed", "unchanged", "rejected", "rejected_lines")


class ImportRun:
    """One run of `import_content`. `progress` is called with (path, lines so far, seconds)."""

    batch_size = BATCH_SIZE  # lines per transaction

    def __init__(
        self,
        *,
        dry_run=False,
        update_existing=True,
        progress=None,
        progress_every=1000,
        user=None,
        command="import_content",
        site=None,
    ):
        self.dry_run = dry_run
        self.site = site  # the `--site`: lines naming no site go there (None: the national one)
        self._sites = {}
        self.user = user
        self.command = command
        self.record = None  # the ImportRun row: the actor of every change this run makes
        self.lines = 0
        self.committed_lines = 0  # the lines of the transactions committed so far
        self._committed_counts = {}  # the record's counts as the last commit left them
        self.update_existing = update_existing
        self.progress = progress
        self.progress_every = progress_every
        self.report = ImportReport()
        self._known = importers()
        self._instances = {}

    def import_files(self, paths):
        from ..models import ImportRun as ImportRunRecord

        if not self.dry_run:
            in_transaction(close_interrupted)
            self.record = in_transaction(
                ImportRunRecord.objects.create,
                command=self.command,
                user=self.user,
                files=[str(path) for path in paths],
                progress_at=timezone.now(),
                **this_process(),
            )
        with stopped_by_sigterm():
            return self._import_files(paths)

    def _import_files(self, paths):
        finished = False
        try:
            for path in paths:
                with acting_as(self._actor(path)):
                    self.import_file(path)
            if not self.dry_run:
                # One transaction, so what finishing publishes is indexed in one update.
                actor = self._actor(paths[-1] if len(paths) == 1 else "")
                with acting_as(actor):
                    in_transaction(self._finish)
            finished = True
        finally:
            self._save_record(interrupted=not finished)
        return self.report

    def _finish(self):
        for importer in self._instances.values():
            importer.finish()

    def _actor(self, path):
        return Actor(
            self.command,
            user_id=self.user.pk if self.user else None,
            import_run_id=self.record.pk if self.record else None,
            source=str(path),
        )

    def _count(self, lines):
        """The record's counts: `lines` lines and the outcomes and rejections so far."""
        outcomes = self.report.outcomes
        self.record.progress_at = timezone.now()
        self.record.lines = lines
        self.record.created = outcomes[Outcome.CREATED]
        self.record.changed = outcomes[Outcome.UPDATED]
        self.record.unchanged = outcomes[Outcome.UNCHANGED] + outcomes[Outcome.SKIPPED]
        self.record.rejected = len({error.split(": ", 1)[0] for error in self.report.errors})
        self.record.rejected_lines = self.report.errors[:KEPT_REJECTED_LINES]

    def _save_progress(self, count):
        """In the transaction that imported `count` more lines: what is now committed."""
        self.committed_lines += count
        if self.record is not None:
            self._count(self.committed_lines)
            self.record.save()
            self._committed_counts = {name: getattr(self.record, name) for name in COUNTS}

    def _save_record(self, interrupted=False):
        """At the end, or when an error or a signal stops the run: what it committed."""
        if self.record is None:
            return
        if interrupted:
            # The lines of the transaction that rolled back are not in the database.
            for name, value in self._committed_counts.items():
                setattr(self.record, name, value)
            self.record.progress_at = timezone.now()
        else:
            self._count(self.lines)
        self.record.finished_at = timezone.now()
        self.record.interrupted = interrupted
        in_transaction(self.record.save)

    def import_file(self, path):
        started = time.monotonic()
        count = 0
        batch = []
        try:
            for line in self.lines_of(path):
                batch.append(line)
                count += 1
                if len(batch) >= self.batch_size:
                    self._import_batch(batch)
                    batch = []
                if self.progress and count % self.progress_every == 0:
                    self.progress(path, count, time.monotonic() - started)
        except TruncatedFile as error:
            # The readable lines keep the importer's promise; the break is one more error.
            self._import_batch(batch)
            batch = []
            self.report.errors.append(str(error))
        self.lines += count
        self._import_batch(batch)
        if self.progress and count % self.progress_every:
            self.progress(path, count, time.monotonic() - started)

    def lines_of(self, path):
        return read_lines(path)

    def _import_batch(self, lines):
        # Few transactions keep SQLite fast, short ones keep it open to other writers: a
        # transaction takes up to a batch of lines and is committed after TRANSACTION_SECONDS.
        # A savepoint per line keeps a failed line from undoing its neighbours. A transaction
        # the database is too busy to begin is begun again later, never refused.
        done = 0
        while done < len(lines):
            done += in_transaction(self._import_lines, lines[done:])

    def _import_lines(self, lines):
        """Import lines from the start of `lines` for TRANSACTION_SECONDS; returns how many."""
        deadline = time.monotonic() + TRANSACTION_SECONDS
        count = 0
        for line in lines:
            stop_if_asked()
            self._import_line(line)
            count += 1
            if time.monotonic() >= deadline:
                break
        self._save_progress(count)
        return count

    def _import_line(self, line):
        try:
            kind = parse_kind(line)
        except ValueError as error:
            return self._fail(line, str(error))
        importer_class = self._known.get(kind)
        if importer_class is None:
            known = ", ".join(sorted(self._known))
            return self._fail(line, f"kind: unknown kind {kind!r} (known: {known})")
        try:
            record = importer_class.schema.model_validate_json(line.text, strict=True)
        except ValidationError as error:
            for problem in describe_validation_error(error):
                self._fail(line, problem)
            return None
        try:
            site = self._site_of(record) if importer_class.site_bound else None
        except LineError as error:
            return self._fail(line, str(error))
        if self.dry_run:
            self.report.outcomes[Outcome.SKIPPED] += 1
            return None
        importer = self._instances.get(kind)
        if importer is None:
            importer = self._instances[kind] = importer_class()
        importer.site = site
        importer.notes = self.report.notes
        importer.where = line.where()
        try:
            with transaction.atomic():
                outcome = importer.upsert(record, update_existing=self.update_existing)
        except LineError as error:
            return self._fail(line, str(error))
        except DatabaseError as error:
            # The line's savepoint is rolled back; the database's reason names no field.
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "rejected"
            return self._fail(line, f"line: the database refused it ({reason})")
        self.report.outcomes[outcome] += 1
        return outcome

    def _site_of(self, record):
        """The Site of a line: its `site`, else its `province`, else `--site`, else national."""
        if record.site:
            key = ("site", record.site.lower())
        elif record.province:
            key = ("province", record.province)
        else:
            return self.site or self._national()
        if key not in self._sites:
            self._sites[key] = _find_site(*key)
        return self._sites[key]

    def _national(self):
        if self.dry_run:
            return None
        if ("national",) not in self._sites:
            # On a fresh database the default site's root is Wagtail's placeholder until the
            # home exists: make it first, so the Site remembered for the run is the real one.
            ensure_home()
            self._sites[("national",)] = national_site()
        return self._sites[("national",)]

    def _fail(self, line, problem):
        self.report.errors.append(f"{line.where()}: {problem}")
