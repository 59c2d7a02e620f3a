"""The monthly roll-ups, rebuilt from the processing records for the months an import or a
relinked procedure touched (INSERT … SELECT … GROUP BY: the database does the work)."""

from django.db import connection, transaction

from .models import (
    COUNTS,
    AgencyFieldMonth,
    AgencyMonth,
    FieldMonth,
    ProcedureMonth,
    ProcessingRecord,
)

# Each roll-up and what it can answer by (besides the month), smallest first: a question reads
# the first that holds every dimension it filters or groups by.
ROLLUPS = (
    (AgencyMonth, ("agency",)),
    (FieldMonth, ("field",)),
    (AgencyFieldMonth, ("agency", "field")),
    (ProcedureMonth, ("procedure", "field")),
)


def table_for(dimensions):
    """The smallest table holding `dimensions` (a set of agency, field, procedure)."""
    for model, held in ROLLUPS:
        if dimensions <= set(held):
            return model
    return ProcessingRecord


CHUNK = 200  # months per statement, well under SQLite's limit of parameters


def rebuild(periods=None):
    """Recompute the roll-ups of `periods` (dates of first days), or of every month."""
    if periods is None:
        periods = list(
            ProcessingRecord.objects.values_list("period", flat=True).distinct().order_by()
        )
        with transaction.atomic():
            for model, _keys in ROLLUPS:
                model.objects.all().delete()
    periods = sorted(set(periods))
    adapt = connection.ops.adapt_datefield_value
    source = ProcessingRecord._meta.db_table
    sums = ", ".join(f"SUM({name})" for name in COUNTS)
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(periods), CHUNK):
            chunk = [adapt(period) for period in periods[start : start + CHUNK]]
            marks = ", ".join(["%s"] * len(chunk))
            for model, dimensions in ROLLUPS:
                keys = [f"{name}_id" for name in dimensions] + ["period"]
                table = model._meta.db_table
                cursor.execute(f"DELETE FROM {table} WHERE period IN ({marks})", chunk)
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(keys)}, {', '.join(COUNTS)}) "
                    f"SELECT {', '.join(keys)}, {sums} FROM {source} "
                    f"WHERE period IN ({marks}) GROUP BY {', '.join(keys)}",
                    chunk,
                )
