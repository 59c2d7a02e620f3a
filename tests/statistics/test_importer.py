"""Importing processing records: upsert by (procedure, agency, period), CSV and JSON Lines give
the same figures, every bad line names its line and field and writes nothing, an unknown
procedure code is kept and linked when the procedure arrives."""

import datetime
import io

import pytest

from django.core.management import call_command

from portal.core.importing import Outcome
from portal.core.importing.runner import ImportRun
from portal.core.models import Field
from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory
from portal.statistics.models import (
    COUNTS,
    AgencyFieldMonth,
    ProcedureMonth,
    ProcedureRef,
    ProcessingRecord,
)

from .conftest import line

pytestmark = pytest.mark.django_db


def stored():
    return sorted(
        ProcessingRecord.objects.values_list("procedure__code", "agency__name", "period", *COUNTS)
    )


def test_importing_the_same_key_again_updates_in_place(import_lines):
    first = import_lines([line(received=100, resolved_on_time=80)])
    again = import_lines([line(received=100, resolved_on_time=80)])
    changed = import_lines([line(received=120, resolved_on_time=90)], name="changed.jsonl")

    assert first.outcomes[Outcome.CREATED] == 1
    assert again.outcomes[Outcome.UNCHANGED] == 1
    assert changed.outcomes[Outcome.UPDATED] == 1
    record = ProcessingRecord.objects.get()
    assert (record.received, record.resolved_on_time) == (120, 90)
    assert AgencyFieldMonth.objects.get().received == 120  # the roll-up follows


def test_a_key_twice_in_one_file_keeps_the_last_line(import_lines):
    report = import_lines([line(received=10), line(received=12)])

    assert (report.outcomes[Outcome.CREATED], report.outcomes[Outcome.UPDATED]) == (1, 1)
    assert ProcessingRecord.objects.get().received == 12


def test_the_general_import_command_takes_processing_lines(jsonl, db):
    report = ImportRun().import_files([jsonl([line(), line(procedure="1.004195")])])

    assert report.ok, report.errors
    assert ProcessingRecord.objects.count() == 2
    assert ProcedureMonth.objects.count() == 2


def test_csv_and_json_lines_give_the_same_figures(import_lines, tmp_path, django_db_blocker):
    lines = [
        line(period="2025-09", received=7, carried_over=1, resolved_on_time=5, resolved_late=1,
             pending_on_time=2, received_online=4, fully_online=2, results_online=3, surveyed=2,
             satisfied=2),
        line(procedure="1.000049", agency="Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam",
             province="", period="2025-10", received=3),
    ]  # fmt: skip
    import_lines(lines)
    from_jsonl = stored()
    ProcessingRecord.objects.all().delete()

    columns = ["procedure", "agency", "province", "period", *COUNTS]
    rows = [",".join(columns)] + [
        ",".join(f'"{item.get(column, "")}"' for column in columns) for item in lines
    ]
    path = tmp_path / "processing.csv"
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    call_command("import_processing", str(path))

    assert stored() == from_jsonl
    assert len(from_jsonl) == 2


def test_bad_csv_cells_are_reported_like_bad_json(tmp_path, db):
    path = tmp_path / "processing.csv"
    path.write_text(
        "procedure,agency,period,received,resolved_on_time\n"
        "1.004194,Sở A,2025-10,12,5\n"
        "1.004194,Sở B,2025-10,mười,5\n"
        "1.004194,Sở C,2025-10,-4,0\n",
        encoding="utf-8",
    )

    with pytest.raises(SystemExit):
        call_command("import_processing", str(path))

    assert list(ProcessingRecord.objects.values_list("agency__name", flat=True)) == ["Sở A"]


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"received": -1}, "2: received: Input should be greater than or equal to 0"),
        ({"received": "100"}, "2: received: Input should be a valid integer"),
        ({"surveyed": 1.5}, "2: surveyed: Input should be a valid integer"),
        (
            {"received": 5, "carried_over": 1, "resolved_on_time": 6, "resolved_late": 1},
            "2: resolved_on_time: resolved_on_time + resolved_late (7) exceeds "
            "received + carried_over (6)",
        ),
        ({"received_online": 101}, "2: received_online: 101 exceeds received (100)"),
        ({"satisfied": 3, "surveyed": 2}, "2: satisfied: 3 exceeds surveyed (2)"),
        ({"period": "2025-13"}, "2: period: '2025-13' is not a month (YYYY-MM, e.g. 2025-10)"),
        ({"period": "FUTURE"}, "2: period: {future} is in the future"),
        ({"procedure": "abc"}, "2: procedure: 'abc' is not a procedure code (e.g. 1.004194)"),
        ({"agency": ""}, "2: agency: String should have at least 1 character"),
    ],
)
def test_a_bad_line_names_its_line_and_field_and_writes_nothing(
    import_lines, this_month, values, problem
):
    future = (this_month + datetime.timedelta(days=40)).strftime("%Y-%m")
    if values.get("period") == "FUTURE":
        values = {**values, "period": future}
    good = line(procedure="1.000001")
    bad = line(**{"procedure": "1.000002", "agency": "Sở Bad", **values})

    report = import_lines([good, bad, line(procedure="1.000003")])

    assert [error.split(".jsonl:", 1)[1] for error in report.errors] == [
        problem.format(future=future)
    ]
    assert sorted(ProcessingRecord.objects.values_list("procedure__code", flat=True)) == [
        "1.000001",
        "1.000003",
    ]
    assert not ProcessingRecord.objects.filter(agency__name="Sở Bad").exists()


def test_an_unknown_procedure_is_kept_then_linked_when_it_arrives(import_lines, home):
    import_lines([line(procedure="1.012756")])
    reference = ProcedureRef.objects.get(code="1.012756")
    assert not reference.linked
    assert AgencyFieldMonth.objects.get().field is None

    land = Field.objects.create(name="Đất đai")
    page = ProcedurePageFactory(code="1.012756", name="Đăng ký đất đai lần đầu")
    page.procedure_fields = [land]
    page.save_revision().publish()
    consumers.run_consumer("statistics")  # the reader of the content event log

    reference.refresh_from_db()
    assert reference.linked and reference.name == "Đăng ký đất đai lần đầu"
    assert ProcessingRecord.objects.get().field == land
    assert AgencyFieldMonth.objects.get().field == land  # the roll-up moved with it


def test_a_procedure_already_published_is_linked_at_import(import_lines, home):
    water = Field.objects.create(name="Tài nguyên nước")
    page = ProcedurePageFactory(code="1.004232", name="Cấp giấy phép khai thác nước")
    page.procedure_fields = [water]
    page.save_revision().publish()

    import_lines([line(procedure="1.004232")])

    assert ProcedureMonth.objects.get().field == water


def test_an_invalid_utf8_byte_in_a_csv_names_its_line_and_the_rest_is_imported(tmp_path, db):
    path = tmp_path / "processing.csv"
    path.write_bytes(
        "procedure,agency,period,received\n1.004194,Sở A,2025-10,12\n".encode()
        + b"1.004194,S\xff B,2025-10,7\n"
        + "1.004194,Sở C,2025-10,3\n".encode()
    )
    errors = io.StringIO()

    with pytest.raises(SystemExit):
        call_command("import_processing", str(path), stderr=errors)

    assert f"{path}:3: encoding: invalid UTF-8 in column agency" in errors.getvalue()
    assert sorted(ProcessingRecord.objects.values_list("agency__name", flat=True)) == [
        "Sở A",
        "Sở C",
    ]
