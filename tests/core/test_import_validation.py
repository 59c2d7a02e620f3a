import gzip
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from portal.core.importing.runner import ImportRun
from portal.core.models import Agency, Field


def run_import(*paths, **options):
    """Run import_content; return (exit status, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", *map(str, paths), stdout=out, stderr=err, **options)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_each_bad_line_is_reported_and_the_rest_imports(jsonl):
    path = jsonl(
        [
            {"kind": "field", "name": "Đất đai"},
            {"kind": "field"},
            {"kind": "field", "name": 42},
            {"kind": "bridge", "name": "Cầu"},
            {"name": "Không có loại"},
            '{"kind": "field", "name": "Tài nguyên nước"',
            "[1, 2]",
            {"kind": "field", "name": "   "},
            {"kind": "field", "name": "Môi trường"},
        ]
    )
    status, out, err = run_import(path)
    assert status == 1
    assert f"{path}:2: name: required key is missing" in err
    assert f"{path}:3: name: Input should be a valid string" in err
    assert f"{path}:4: kind: unknown kind 'bridge'" in err
    assert f"{path}:5: kind: required key is missing" in err
    assert f"{path}:6: json: invalid JSON" in err
    assert f"{path}:7: json: a line must be a JSON object" in err
    assert f"{path}:8: name: String should have at least 1 character" in err
    assert "Traceback" not in err
    assert set(Field.objects.values_list("name", flat=True)) == {"Đất đai", "Môi trường"}
    assert "2 created" in out and "7 invalid" in out


@pytest.mark.django_db
def test_dry_run_validates_without_writing(jsonl):
    path = jsonl([{"kind": "field", "name": "Đất đai"}, {"kind": "field", "name": []}])
    status, out, err = run_import(path, dry_run=True)
    assert status == 1
    assert f"{path}:2: name:" in err
    assert "Dry run" in out
    assert not Field.objects.exists()


@pytest.mark.django_db
def test_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(CommandError, match=r"nope\.jsonl: no such file"):
        run_import(tmp_path / "nope.jsonl")


@pytest.mark.django_db
def test_a_file_in_another_encoding_is_named_line_by_line(tmp_path):
    path = tmp_path / "utf16.jsonl"
    path.write_bytes('{"kind": "field", "name": "Đất"}\n'.encode("utf-16"))
    status, _, err = run_import(path)
    assert status == 1
    assert f"{path}:1: encoding: invalid UTF-8 at column 1" in err
    assert not Field.objects.exists()


@pytest.mark.django_db
def test_gzipped_files_import(tmp_path):
    path = tmp_path / "fields.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write('{"kind": "field", "name": "Khí tượng thủy văn"}\n')
    status, _, _ = run_import(path)
    assert status == 0
    assert Field.objects.get().slug == "khi-tuong-thuy-van"


@pytest.mark.django_db
def test_agency_hierarchy_is_imported_with_its_parent(jsonl):
    path = jsonl(
        [
            {
                "kind": "agency",
                "name": "Cục Quản lý tài nguyên nước",
                "level": "department",
                "parent": "Bộ Tài nguyên và Môi trường",
            },
            {"kind": "agency", "name": "Bộ Tài nguyên và Môi trường", "level": "ministry"},
            {"kind": "agency", "name": "Cục X", "level": "galaxy"},
        ]
    )
    status, _, err = run_import(path)
    assert status == 1
    assert f"{path}:3: level: Input should be" in err
    department = Agency.objects.get(name="Cục Quản lý tài nguyên nước")
    assert department.parent.name == "Bộ Tài nguyên và Môi trường"
    assert department.parent.level == Agency.Level.MINISTRY


@pytest.mark.django_db
def test_progress_is_reported_while_a_file_imports(jsonl):
    path = jsonl([{"kind": "topic", "name": f"Chủ đề {n}"} for n in range(5)])
    seen = []
    ImportRun(progress=lambda p, lines, seconds: seen.append(lines), progress_every=2).import_files(
        [path]
    )
    assert seen == [2, 4, 5]
