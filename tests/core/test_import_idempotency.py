import pytest

from django.core.management import call_command

from portal.core.importing.base import Outcome
from portal.core.importing.runner import ImportRun
from portal.core.models import Agency, Field


def snapshot():
    return sorted(
        (field.name, field.slug, tuple(sorted(m.name for m in field.ministries.all())))
        for field in Field.objects.prefetch_related("ministries")
    )


@pytest.mark.django_db
def test_importing_the_corpus_twice_gives_the_same_rows(corpus):
    first = ImportRun().import_files([corpus / "fields.jsonl"])
    assert first.ok, first.errors
    rows, agencies = snapshot(), Agency.objects.count()

    second = ImportRun().import_files([corpus / "fields.jsonl"])

    assert snapshot() == rows
    assert Agency.objects.count() == agencies
    assert second.outcomes[Outcome.CREATED] == 0
    assert second.outcomes[Outcome.UPDATED] == 0
    assert second.outcomes[Outcome.UNCHANGED] == 489


@pytest.mark.django_db
def test_a_field_owned_by_several_ministries_is_one_field(corpus):
    ImportRun().import_files([corpus / "fields.jsonl"])
    food_safety = Field.objects.get(name="An toàn thực phẩm")
    assert {"Bộ Công Thương", "Bộ Y tế"} <= {m.name for m in food_safety.ministries.all()}


@pytest.mark.django_db
def test_changed_line_updates_and_blank_values_do_not_erase(jsonl):
    ImportRun().import_files([jsonl([{"kind": "field", "name": "Đất đai", "name_en": "Land"}])])
    report = ImportRun().import_files(
        [jsonl([{"kind": "field", "name": "Đất đai", "name_en": "Land affairs"}])]
    )
    assert report.outcomes[Outcome.UPDATED] == 1
    ImportRun().import_files([jsonl([{"kind": "field", "name": "Đất đai"}])])
    assert Field.objects.get().name_en == "Land affairs"


@pytest.mark.django_db
def test_load_demo_twice_keeps_editor_changes():
    call_command("load_demo", stdout=None)
    field = Field.objects.get(name="Đất đai")
    field.name_en = "Land administration"
    field.save()

    call_command("load_demo")

    assert Field.objects.get(name="Đất đai").name_en == "Land administration"
    assert Field.objects.filter(name="Đất đai").count() == 1
