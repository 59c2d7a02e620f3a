"""Bad input keeps the importer's promise: each bad line is named, every good line imported."""

import gzip
import json

import pytest

from portal.core.models import Field, ImportRun

from .test_import_validation import run_import

pytestmark = pytest.mark.django_db


def field_line(name, **extra):
    return json.dumps({"kind": "field", "name": name, **extra}, ensure_ascii=False)


def test_a_nul_character_rejects_its_line_and_names_the_field(tmp_path):
    path = tmp_path / "nul.jsonl"
    lines = [field_line("Đất đai"), field_line("Nước\u0000ngầm"), field_line("Biển"), "", "{}"]
    lines[3] = field_line("Khoáng sản", name_en="Minerals\u0000")
    path.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    status, out, err = run_import(path)
    assert status == 1
    assert f"{path}:2: name: contains a NUL character" in err
    assert f"{path}:4: name_en: contains a NUL character" in err
    assert sorted(Field.objects.values_list("name", flat=True)) == ["Biển", "Đất đai"]


def test_a_truncated_gzip_imports_its_readable_lines(tmp_path):
    whole = tmp_path / "whole.jsonl.gz"
    with gzip.open(whole, "wt", encoding="utf-8") as handle:
        for number in range(400):
            handle.write(field_line(f"Lĩnh vực {number:03d} " + "x" * 200) + "\n")
    data = whole.read_bytes()
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    status, _, err = run_import(truncated)
    assert status == 1
    assert "cannot be read past this line" in err
    imported = Field.objects.count()
    assert 100 < imported < 400
    # The last whole line read is imported; a line cut in the middle is named, not imported.
    assert Field.objects.filter(name__startswith=f"Lĩnh vực {imported - 1:03d}").exists()


def test_invalid_utf8_names_its_line_and_the_rest_is_imported(tmp_path):
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(
        field_line("Đất đai").encode()
        + b"\n"
        + b'{"kind": "field", "name": "Bi\xe1\xbb"}\n'
        + field_line("Biển").encode()
        + b"\n"
    )
    status, _, err = run_import(path)
    assert status == 1
    assert f"{path}:2: encoding: invalid UTF-8 at column" in err
    assert sorted(Field.objects.values_list("name", flat=True)) == ["Biển", "Đất đai"]


def test_a_line_starting_with_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_text(
        "\ufeff" + field_line("Đất đai") + "\n\ufeff" + field_line("Biển") + "\n", encoding="utf-8"
    )
    status, _, err = run_import(path)
    assert status == 0, err
    assert Field.objects.count() == 2


def test_duplicate_keys_reject_the_line_with_the_key(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text(
        '{"kind": "field", "name": "Đất đai", "name": "Đất"}\n'
        '{"kind": "legal", "number": "1/2020/QH14", "title": "Luật", '
        '"articles": [{"number": "1", "text": "a", "text": "b"}]}\n' + field_line("Biển") + "\n",
        encoding="utf-8",
    )
    status, _, err = run_import(path)
    assert status == 1
    assert f"{path}:1: name: duplicate key" in err
    assert f"{path}:2: text: duplicate key" in err
    assert list(Field.objects.values_list("name", flat=True)) == ["Biển"]


def test_an_import_run_records_what_it_did(tmp_path):
    path = tmp_path / "fields.jsonl"
    path.write_text(field_line("Đất đai") + "\n{bad\n" + field_line("Biển") + "\n")
    run_import(path)
    run_import(path)
    first, second = ImportRun.objects.order_by("pk")
    assert (first.lines, first.created, first.changed, first.unchanged, first.rejected) == (
        3,
        2,
        0,
        0,
        1,
    )
    assert (second.created, second.unchanged, second.rejected) == (0, 2, 1)
    assert second.rejected_lines == [
        f"{path}:2: json: invalid JSON (Expecting property name "
        "enclosed in double quotes at column 2)"
    ]
    assert second.files == [str(path)] and second.finished_at is not None


def test_a_broken_megabyte_line_is_named_with_the_column_where_it_breaks(tmp_path):
    path = tmp_path / "broken.jsonl"
    prefix = '{"kind": "field", "name": "Biển", "name_en": '
    lines = [
        field_line("Đất đai"),
        prefix + "[" * 500_000 + "]" * 500_000 + "}",  # 1 MB nested too deep
        field_line("Khoáng sản", name_en="x" * 1_000_000 + "\u0001"),  # a control character
        field_line("Biển"),
    ]
    lines[2] = lines[2].replace("\\u0001", "\u0001")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    status, _, err = run_import(path)

    assert status == 1
    assert f"{path}:2: json: nested more than 200 levels deep at column {len(prefix) + 200}" in err
    column = lines[2].index("\u0001") + 1
    assert f"{path}:3: json: invalid JSON (Invalid control character at column {column})" in err
    assert sorted(Field.objects.values_list("name", flat=True)) == ["Biển", "Đất đai"]
