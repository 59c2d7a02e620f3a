import json

import pytest

from django.core.management import call_command

from portal.core.factories import AgencyFactory, FieldFactory, TopicFactory
from portal.core.importing.runner import ImportRun
from portal.core.models import Agency, Field, Topic


def taxonomy():
    return {
        "fields": sorted(
            (f.name, f.name_en, f.slug, tuple(sorted(m.name for m in f.ministries.all())))
            for f in Field.objects.prefetch_related("ministries")
        ),
        "agencies": sorted(
            (a.name, a.name_en, a.level, a.parent.name if a.parent else None)
            for a in Agency.objects.select_related("parent")
        ),
        "topics": sorted((t.name, t.name_en) for t in Topic.objects.all()),
    }


@pytest.mark.django_db
def test_export_then_import_into_an_empty_database_gives_the_same_taxonomy(tmp_path):
    ministry = AgencyFactory(name="Bộ Tài nguyên và Môi trường", level=Agency.Level.MINISTRY)
    AgencyFactory(name="Cục Biển và Hải đảo Việt Nam", parent=ministry, name_en="VASI")
    FieldFactory(name="Biển và hải đảo", name_en="Seas and islands").ministries.add(ministry)
    FieldFactory(name="Viễn thám")
    TopicFactory(name="Chuyển đổi số", name_en="Digital transformation")
    before = taxonomy()
    exported = tmp_path / "taxonomy.jsonl.gz"

    call_command("export_content", output=str(exported))
    Field.objects.all().delete()
    Agency.objects.all().delete()
    Topic.objects.all().delete()
    report = ImportRun().import_files([exported])

    assert report.ok, report.errors
    assert taxonomy() == before


@pytest.mark.django_db
def test_export_of_one_kind_writes_only_that_kind(capsys):
    FieldFactory(name="Đất đai")
    TopicFactory(name="Cải cách hành chính")
    call_command("export_content", kinds=["topic"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"kind": "topic", "name": "Cải cách hành chính"}]
