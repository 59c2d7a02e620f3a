"""Processing records as CSV (the interchange format's columns, one record a row), read into the
same lines as JSON Lines so that both pass the same checks and report `FILE:LINE: field: reason`
(LINE counting the header as line 1)."""

import csv
import gzip
import io
import json
import re
from pathlib import Path

from pydantic import ValidationError

from django.db import connection

from portal.core.importing import LineError, Outcome
from portal.core.importing.reader import (
    BOM,
    ImportFileError,
    Line,
    parse_kind,
    read_lines,
)
from portal.core.importing.runner import ImportRun, describe_validation_error

from .importers import ProcessingImporter
from .models import COUNTS

INTEGER = re.compile(r"^[+-]?\d+$")
TRANSACTION_LINES = 20000
SQLITE_CACHE_KB = 128 * 1024


def is_csv(path):
    return str(path).lower().endswith((".csv", ".csv.gz"))


def csv_lines(path):
    file_path = Path(path)
    if not file_path.is_file():
        raise ImportFileError(f"{path}: no such file")
    opener = gzip.open if file_path.suffix == ".gz" else open
    with opener(file_path, "rb") as raw:
        # Bytes that are not UTF-8 are kept as surrogates, so the row holding them is named and
        # refused on its own while the others are imported, as in JSON Lines.
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        header = reader.fieldnames or []
        if header:
            if _undecodable(" ".join(header)):
                raise ImportFileError(f"{path}:1: encoding: invalid UTF-8 in the header")
            reader.fieldnames = [name.lstrip(BOM).strip() for name in header]
        for row in reader:
            bad = [name for name, value in row.items() if _undecodable(value)]
            if bad:
                problem = f"encoding: invalid UTF-8 in column {bad[0]}"
                yield Line(str(path), reader.line_num, "", problem)
            else:
                yield Line(str(path), reader.line_num, _as_json(row))


def _undecodable(value):
    values = value if isinstance(value, list) else [value]
    return any(
        isinstance(item, str) and any("\udc80" <= char <= "\udcff" for char in item)
        for item in values
    )


def _as_json(row):
    data = {"kind": "processing"}
    for name, value in row.items():
        if name is None or value is None:
            continue  # cells beyond the header
        value = value.strip()
        if not value:
            continue
        # A count cell holding an integer is one; anything else stays text and is refused as
        # "not a valid integer", as in JSON Lines.
        data[name] = int(value) if name in COUNTS and INTEGER.match(value) else value
    return json.dumps(data, ensure_ascii=False)


class ProcessingImportRun(ImportRun):
    """An import run that also reads CSV files (by their extension), and imports processing
    lines without a savepoint each: they write nothing until checked, then in bulk in a savepoint
    of their own, and the per-line savepoint would double the time of a million-line import."""

    # A transaction per 500 lines rewrites the same index pages thousands of times over a
    # million lines.
    batch_size = TRANSACTION_LINES

    def _import_line(self, line):
        try:
            kind = parse_kind(line)
        except ValueError:
            kind = None
        if kind != ProcessingImporter.kind:
            return super()._import_line(line)
        try:
            record = ProcessingImporter.schema.model_validate_json(line.text, strict=True)
        except ValidationError as error:
            for problem in describe_validation_error(error):
                self._fail(line, problem)
            return None
        if self.dry_run:
            self.report.outcomes[Outcome.SKIPPED] += 1
            return None
        importer = self._instances.get(kind)
        if importer is None:
            importer = self._instances[kind] = ProcessingImporter()
        try:
            outcome = importer.upsert(record, update_existing=self.update_existing)
        except LineError as error:
            return self._fail(line, str(error))
        self.report.outcomes[outcome] += 1
        return outcome

    def import_files(self, paths):
        if connection.vendor == "sqlite":
            # The pages a big transaction touches stay in memory instead of spilling to the WAL.
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
        return super().import_files(paths)

    def lines_of(self, path):
        return csv_lines(path) if is_csv(path) else read_lines(path)
