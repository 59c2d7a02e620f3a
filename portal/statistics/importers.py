"""The importer for `kind: processing` lines: upsert by (procedure, agency, period).

Lines are checked one by one (a bad line names its field and nothing of it is written) and
written in bulk; the monthly roll-ups of the months a run touched are rebuilt when it finishes.
"""

from django.db import connection, transaction

from portal.core import publishing
from portal.core.identifiers import normalise_procedure_code
from portal.core.importing import Importer, LineError, Outcome, register

from . import linking, rollups
from .interchange import ProcessingRecord as ProcessingLine
from .interchange import check
from .models import COUNTS, Agency, ProcedureRef, ProcessingRecord

FLUSH_EVERY = 5000
# (agency, month) pairs whose stored figures are kept in memory to tell new from changed lines.
KEPT_MONTHS = 200


@register
class ProcessingImporter(Importer):
    kind = "processing"
    schema = ProcessingLine
    site_bound = False  # `province` is the agency's, whether or not it has a site

    def __init__(self):
        self._agencies = {}
        self._procedures = None
        self._stored = {}
        self._pending = {}
        self._touched = set()
        self._touched_agencies = {}
        self._new_codes = set()
        self._months_with_records = None

    def upsert(self, record, *, update_existing=True):
        period = check(record)
        code = normalise_procedure_code(record.procedure)
        if code is None:
            raise LineError(
                "procedure", f"{record.procedure!r} is not a procedure code (e.g. 1.004194)"
            )
        agency = self._agency(record.agency, record.province)
        procedure_id, field_id = self._procedure(code)
        values = tuple(getattr(record, name) for name in COUNTS)
        stored = self._stored_month(agency.pk, period)
        old = stored.get(procedure_id)
        if old == values:
            return Outcome.UNCHANGED
        if old is not None and not update_existing:
            return Outcome.SKIPPED
        stored[procedure_id] = values
        self._pending[(procedure_id, agency.pk, period)] = (field_id, values)
        self._touched.add(period)
        self._touched_agencies[agency.pk] = agency
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()
        return Outcome.CREATED if old is None else Outcome.UPDATED

    def flush(self):
        if not self._pending:
            return
        with transaction.atomic():
            self._write()
        self._pending = {}

    def _write(self):
        # One statement for many rows, in SQL both databases speak (INSERT … ON CONFLICT): the
        # ORM's bulk_create spends more time preparing values than the database writing them.
        table = ProcessingRecord._meta.db_table
        columns = ["procedure_id", "agency_id", "period", "field_id", *COUNTS]
        updates = ", ".join(f"{name} = excluded.{name}" for name in ["field_id", *COUNTS])
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))}) "
            f"ON CONFLICT (procedure_id, agency_id, period) DO UPDATE SET {updates}"
        )
        adapt = connection.ops.adapt_datefield_value
        rows = [
            (procedure_id, agency_id, adapt(period), field_id, *values)
            for (procedure_id, agency_id, period), (field_id, values) in self._pending.items()
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def finish(self):
        self.flush()
        if self._new_codes:
            linking.link(self._new_codes)
        rollups.rebuild(self._touched)
        # Procedure pages show these figures: an event per agency moves the content version,
        # so cached pages and badges are refreshed.
        for agency in self._touched_agencies.values():
            publishing.content_changed(agency, changes=["figures"])
        self._touched = set()
        self._touched_agencies = {}
        self._new_codes = set()

    def _agency(self, name, province):
        agency = self._agencies.get(name)
        if agency is None:
            agency, _created = Agency.objects.get_or_create(  # in a savepoint of its own
                name=name, defaults={"province": province}
            )
            self._agencies[name] = agency
        if province and agency.province != province:
            agency.province = province
            agency.save(update_fields=["province"])
        return agency

    def _procedure(self, code):
        """(id, field id) of the code's reference, created (unlinked) for a code seen first."""
        if self._procedures is None:
            self._procedures = {
                code: (pk, field_id)
                for code, pk, field_id in ProcedureRef.objects.values_list("code", "pk", "field_id")
            }
        known = self._procedures.get(code)
        if known is None:
            with transaction.atomic():
                ref = ProcedureRef.objects.create(code=code)
            known = self._procedures[code] = (ref.pk, None)
            self._new_codes.add(code)
        return known

    def _stored_month(self, agency_id, period):
        key = (agency_id, period)
        stored = self._stored.get(key)
        if stored is None:
            if self._months_with_records is None:
                # Which (agency, month) hold records at all: most of a big first import does not
                # need to ask.
                self._months_with_records = set(
                    ProcessingRecord.objects.values_list("agency_id", "period").distinct()
                )
            if len(self._stored) >= KEPT_MONTHS:
                # Forgetting is safe once what was read is written: a re-read sees it.
                self.flush()
                self._months_with_records.update(self._stored)
                self._stored = {}
            stored = self._stored[key] = {}
            if key in self._months_with_records:
                rows = ProcessingRecord.objects.filter(agency_id=agency_id, period=period)
                for row in rows.values_list("procedure_id", *COUNTS):
                    stored[row[0]] = tuple(row[1:])
        return stored

    def export(self):
        records = ProcessingRecord.objects.select_related("procedure", "agency").order_by(
            "period", "agency__name", "procedure__code"
        )
        for record in records.iterator(chunk_size=2000):
            line = {
                "kind": "processing",
                "procedure": record.procedure.code,
                "agency": record.agency.name,
                "period": record.period.strftime("%Y-%m"),
            }
            if record.agency.province:
                line["province"] = record.agency.province
            line.update({name: getattr(record, name) for name in COUNTS})
            yield line
