"""Procedure codes in processing records are kept when the procedure is not published here yet,
and linked (name, main field) when it arrives or changes: the `statistics` reader of the content
event log relinks the codes of procedure events."""

from portal.core.publishing import register_consumer

PROCEDURE_KIND = "procedures.procedurepage"


def link(codes):
    """Bring the references of `codes` up to date with the procedures; when a main field
    changed, move the records and rebuild the roll-ups of their months."""
    from portal.procedures.interface import procedure_summaries

    from . import rollups
    from .models import ProcedureRef, ProcessingRecord

    summaries = procedure_summaries(codes)
    moved = []
    for ref in ProcedureRef.objects.filter(code__in=list(codes)):
        summary = summaries.get(ref.code)
        linked = summary is not None
        name = summary["name"] if linked else ref.name
        field_id = summary["field_id"] if linked else ref.field_id
        if (ref.linked, ref.name, ref.field_id) == (linked, name, field_id):
            continue
        if field_id != ref.field_id:
            moved.append(ref.pk)
            ProcessingRecord.objects.filter(procedure=ref).update(field_id=field_id)
        ref.linked, ref.name, ref.field_id = linked, name, field_id
        ref.save(update_fields=["linked", "name", "field"])
    if moved:
        periods = (
            ProcessingRecord.objects.filter(procedure_id__in=moved)
            .values_list("period", flat=True)
            .distinct()
        )
        rollups.rebuild(list(periods))


@register_consumer("statistics")
def relink_procedures(events):
    codes = {event.key for event in events if event.kind == PROCEDURE_KIND and event.key}
    if codes:
        link(codes)
