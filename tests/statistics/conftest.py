import datetime

import pytest

from portal.statistics.csvfiles import ProcessingImportRun


def line(**values):
    """A processing line with the given figures (procedure, agency and period defaulted)."""
    return {
        "kind": "processing",
        "procedure": "1.004194",
        "agency": "Sở Nông nghiệp và Môi trường Hà Nội",
        "province": "Hà Nội",
        "period": "2025-10",
        "received": 100,
        **values,
    }


@pytest.fixture
def import_lines(jsonl, db):
    """Import processing lines (dicts) through the import run; its report."""

    def run(lines, name="processing.jsonl"):
        return ProcessingImportRun().import_files([jsonl(lines, name)])

    return run


@pytest.fixture
def this_month():
    return datetime.date.today().replace(day=1)
