"""Importers for the shared taxonomy: `field`, `agency` and `topic` lines."""

from typing import Literal

from .importing import Importer, Outcome, Record, register
from .importing.base import NonEmptyStr
from .models import Agency, Field, Topic
from .publishing import snippet_changed


class TermRecord(Record):
    name: NonEmptyStr
    name_en: str = ""


class FieldRecord(TermRecord):
    kind: Literal["field"]
    ministry: NonEmptyStr | None = None


class AgencyRecord(TermRecord):
    kind: Literal["agency"]
    level: Agency.Level = Agency.Level.OTHER
    parent: NonEmptyStr | None = None


class TopicRecord(TermRecord):
    kind: Literal["topic"]


def upsert_term(model, name, **values):
    """Create or update a term by name; says what happened. Blank values never erase data."""
    values = {key: value for key, value in values.items() if value not in ("", None)}
    term = model.objects.filter(name=name).first()
    if term is None:
        term = model.objects.create(name=name, **values)
        snippet_changed(term, created=True)
        return term, Outcome.CREATED
    changed = {key: value for key, value in values.items() if getattr(term, key) != value}
    if not changed:
        return term, Outcome.UNCHANGED
    for key, value in changed.items():
        setattr(term, key, value)
    term.save()
    snippet_changed(term, created=False, changes=changed)
    return term, Outcome.UPDATED


def agency_named(name):
    """The agency of this name, created when an import first mentions it."""
    return Agency.objects.get_or_create(name=name)[0]


@register
class FieldImporter(Importer):
    kind = "field"
    schema = FieldRecord

    def upsert(self, record, *, update_existing=True):
        existing = Field.objects.filter(name=record.name).first()
        if existing and not update_existing:
            return Outcome.SKIPPED
        field, outcome = upsert_term(Field, record.name, name_en=record.name_en)
        if record.ministry:
            ministry = agency_named(record.ministry)
            if not field.ministries.filter(pk=ministry.pk).exists():
                field.ministries.add(ministry)
                if outcome is Outcome.UNCHANGED:
                    snippet_changed(field, created=False, changes=["ministries"])
                    outcome = Outcome.UPDATED
        return outcome

    def export(self):
        for field in Field.objects.prefetch_related("ministries"):
            ministries = [ministry.name for ministry in field.ministries.all()] or [None]
            # One line per owning ministry, as the national lists give them.
            for ministry in ministries:
                yield _without_blanks(
                    {
                        "kind": "field",
                        "name": field.name,
                        "name_en": field.name_en,
                        "ministry": ministry,
                    }
                )


@register
class AgencyImporter(Importer):
    kind = "agency"
    schema = AgencyRecord

    def upsert(self, record, *, update_existing=True):
        if not update_existing and Agency.objects.filter(name=record.name).exists():
            return Outcome.SKIPPED
        parent = agency_named(record.parent) if record.parent else None
        _, outcome = upsert_term(
            Agency, record.name, name_en=record.name_en, level=record.level, parent=parent
        )
        return outcome

    def export(self):
        for agency in Agency.objects.select_related("parent"):
            yield _without_blanks(
                {
                    "kind": "agency",
                    "name": agency.name,
                    "name_en": agency.name_en,
                    "level": agency.level,
                    "parent": agency.parent.name if agency.parent else None,
                }
            )


@register
class TopicImporter(Importer):
    kind = "topic"
    schema = TopicRecord

    def upsert(self, record, *, update_existing=True):
        if not update_existing and Topic.objects.filter(name=record.name).exists():
            return Outcome.SKIPPED
        return upsert_term(Topic, record.name, name_en=record.name_en)[1]

    def export(self):
        for topic in Topic.objects.all():
            yield _without_blanks({"kind": "topic", "name": topic.name, "name_en": topic.name_en})


def _without_blanks(line):
    return {key: value for key, value in line.items() if value not in ("", None)}
