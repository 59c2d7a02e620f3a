"""`procedure` lines for a provincial site: a national code gives a local implementation (the
keys present override), an unknown code is a line-and-field error unless the line says the
procedure is local-only; export gives the same lines back."""

import json
from io import StringIO

from django.core.management import call_command

from portal.core.importing.runner import ImportRun
from portal.procedures.models import LocalImplementation, ProcedurePage

from .test_local import local_only


def run(path):
    return ImportRun().import_files([path])


def override_line(**fields):
    return {"kind": "procedure", "code": "1.012756", "site": "hanoi.localhost", **fields}


def test_a_site_line_with_a_national_code_overrides_only_the_keys_it_gives(
    jsonl, hanoi, national_procedure
):
    line = override_line(
        agency="Chi nhánh Văn phòng đăng ký đất đai Hà Nội",
        channels=[{"method": "direct", "time": "10 ngày làm việc", "fees": "50.000 đồng"}],
        online_level="full",
    )
    report = run(jsonl([line]))
    assert report.ok, report.errors
    local = LocalImplementation.objects.get(site=hanoi, procedure=national_procedure)
    assert local.implementing_agency.name == "Chi nhánh Văn phòng đăng ký đất đai Hà Nội"
    assert (local.processing_time, local.fees) == ("10 ngày làm việc", "50.000 đồng")
    assert local.online_level == "full"
    assert local.receiving_address == ""  # not in the line: the national one applies
    national = ProcedurePage.objects.get(pk=national_procedure.pk)
    assert national.online_level == "partial"
    assert [c.processing_time for c in national.channels.all()] == ["20 ngày làm việc"] * 2

    again = run(jsonl([line]))
    assert again.outcomes.most_common(1)[0][0].value == "unchanged"
    changed = run(jsonl([override_line(receiving_address="Số 1 Tràng Thi")]))
    assert changed.ok
    local.refresh_from_db()
    assert local.receiving_address == "Số 1 Tràng Thi" and local.online_level == "full"


def test_an_override_for_an_unknown_code_is_a_line_and_field_error_and_changes_nothing(
    jsonl, hanoi, national_procedure
):
    report = run(jsonl([override_line(code="1.999999", name="Không có")]))
    assert len(report.errors) == 1
    assert ".jsonl:1: code: no national procedure with code '1.999999'" in report.errors[0]
    assert not ProcedurePage.objects.filter(code="1.999999").exists()
    assert not LocalImplementation.objects.exists()


def test_an_unknown_site_is_a_line_error(jsonl, national_procedure):
    report = run(jsonl([override_line(site="hue.localhost")]))
    assert len(report.errors) == 1 and "site: no site with hostname" in report.errors[0]
    assert not LocalImplementation.objects.exists()


def test_local_only_line_creates_a_procedure_under_the_sites_catalogue(jsonl, hanoi, danang):
    line = override_line(code="1.900010", name="Thủ tục riêng Hà Nội", local_only=True)
    report = run(jsonl([line]))
    assert report.ok, report.errors
    page = ProcedurePage.objects.get(code="1.900010")
    assert page.get_parent().get_parent().pk == hanoi.root_page_id
    # Another province cannot override it: it is no national procedure.
    other = run(jsonl([{**line, "site": "danang.localhost", "local_only": False}]))
    assert "code: 1.900010 is another site's local procedure" in other.errors[0]


def test_export_round_trips_national_local_and_local_only_lines(
    jsonl, tmp_path, hanoi, national_procedure
):
    own = local_only(hanoi)
    run(
        jsonl(
            [
                override_line(
                    channels=[
                        {
                            "method": "online",
                            "time": "5 ngày",
                            "fee_amount": 20000,
                            "url": "https://dichvucong.hanoi.gov.vn/1.012756",
                        }
                    ]
                )
            ]
        )
    )
    exported = tmp_path / "out.jsonl"
    call_command("export_content", "--kind", "procedure", "-o", str(exported), stderr=StringIO())
    lines = [json.loads(text) for text in exported.read_text().splitlines()]
    by_kind = {(line.get("site"), line["code"]): line for line in lines}
    assert (None, national_procedure.code) in by_kind
    assert by_kind[("hanoi.localhost", own.code)]["local_only"] is True
    override = by_kind[("hanoi.localhost", national_procedure.code)]
    assert override["channels"] == [
        {
            "method": "online",
            "time": "5 ngày",
            "fee_amount": 20000,
            "url": "https://dichvucong.hanoi.gov.vn/1.012756",
        }
    ]

    report = run(exported)
    assert report.ok, report.errors
    assert set(report.outcomes.elements()) == {report.outcomes.most_common(1)[0][0]}
    assert report.outcomes.most_common(1)[0][0].value == "unchanged"
    assert LocalImplementation.objects.count() == 1
