"""Demo content: 24 months of generated processing records for the demo procedures, at the
ministry and five provincial departments. Loaded once (nothing is added when records exist)."""

from portal.core.importing import Outcome

from .. import generator
from ..importers import ProcessingImporter
from ..interchange import ProcessingRecord as ProcessingLine
from ..models import ProcessingRecord

# The demo procedures' codes and about how many dossiers a month a mid-size agency receives.
PROCEDURES = [
    ("1.012756", 120), ("1.012790", 90), ("1.012815", 30), ("1.012830", 50),
    ("1.012101", 8), ("1.004232", 3), ("1.012120", 4), ("1.010727", 20), ("1.010737", 12),
    ("1.010733", 5), ("1.013020", 2), ("1.013031", 3), ("1.000987", 1), ("1.000049", 2),
    ("1.000050", 1), ("1.004384", 1), ("1.004390", 1),
]  # fmt: skip
AGENCIES = 6
MONTHS = 24


def load():
    if ProcessingRecord.objects.exists():
        return "0 processing records (already loaded)"
    importer = ProcessingImporter()
    created = 0
    lines = generator.records(
        PROCEDURES, generator.agencies(AGENCIES), generator.months(MONTHS), seed=2025
    )
    for line in lines:
        outcome = importer.upsert(ProcessingLine.model_validate(line))
        created += outcome is Outcome.CREATED
    importer.finish()
    return f"{created} processing records"
