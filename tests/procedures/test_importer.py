import json

import pytest

from wagtail.models import Revision

from portal.core.importing.base import Outcome
from portal.core.importing.runner import ImportRun
from portal.core.models import Agency, Field
from portal.procedures.importers import ProcedureImporter, export_line
from portal.procedures.models import ProcedureIndexPage, ProcedurePage


def run(path):
    return ImportRun().import_files([path])


@pytest.mark.django_db
def test_full_record_fills_every_part_of_the_procedure(jsonl, full_line, form_document, home):
    form = form_document("mau-04-dk.docx")
    report = run(jsonl([full_line]))

    assert report.ok, report.errors
    page = ProcedurePage.objects.get(code="1.012756")
    assert page.live and page.title == "Đăng ký đất đai lần đầu"
    assert page.get_parent().specific_class is ProcedureIndexPage
    assert page.levels == ["province", "commune"]
    assert page.audiences == ["citizen", "business"]
    assert [f.name for f in page.procedure_fields.all()] == ["Đất đai"]
    assert [a.name for a in page.implementing_agencies.all()] == ["Văn phòng đăng ký đất đai"]
    assert page.competent_agency.name == "Sở Tài nguyên và Môi trường"
    assert page.receiving_agency.name == "Ủy ban nhân dân cấp xã"
    assert [s.text for s in page.steps.all()] == full_line["steps"]
    online = page.channels.get(method="online")
    assert (online.fee_amount, online.url) == (50000, "https://dichvucong.gov.vn/p/1.012756")
    items = list(page.dossier_items.all())
    assert items[0].form == form and items[1].case == "Trường hợp có giấy tờ"
    assert not items[1].required
    assert [b.normalised_number for b in page.legal_bases.all()] == [
        "31-2024-QH15",
        "101-2024-ND-CP",
    ]
    assert page.live_revision is not None and page.live_revision == page.latest_revision
    assert Revision.objects.for_instance(page).count() == 1


@pytest.mark.django_db
def test_export_gives_back_the_imported_line(jsonl, full_line, form_document, home):
    form_document("mau-04-dk.docx")
    run(jsonl([full_line]))

    exported = export_line(ProcedurePage.objects.get())

    # The export spells out the one default the line left implicit: a required item.
    expected = {**full_line, "dossier": [{**full_line["dossier"][0], "required": True}]}
    expected["dossier"].append(full_line["dossier"][1])
    assert exported == expected


@pytest.mark.django_db
def test_minimal_corpus_record_imports_into_an_empty_database(corpus, jsonl):
    first = (corpus / "procedures.jsonl").read_text(encoding="utf-8").splitlines()[0]
    report = run(jsonl([first]))

    assert report.ok, report.errors
    page = ProcedurePage.objects.get(code=json.loads(first)["code"])
    assert page.title == "Đăng ký tạm trú"
    assert page.audiences == ["citizen", "business"]
    assert page.popularity == 15539622
    assert page.url.endswith("/thu-tuc-hanh-chinh/1-004194-dang-ky-tam-tru/")


@pytest.mark.django_db
def test_a_name_longer_than_a_title_is_kept_whole(jsonl, home):
    name = "Thủ tục " + "rất dài " * 60
    run(jsonl([{"kind": "procedure", "code": "1.000001", "name": name}]))
    page = ProcedurePage.objects.get()
    assert page.name == name.strip()
    assert len(page.title) <= 255 and page.title.endswith("…")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"levels": ["galaxy"]}, "levels[0]: Input should be"),
        ({"channels": [{"method": "pigeon"}]}, "channels[0].method: Input should be"),
        ({"channels": [{"method": "direct", "fees": -5000}]}, "must not be negative"),
        ({"channels": [{"method": "direct", "fees": "-5.000 đồng"}]}, "must not be negative"),
        ({"channels": [{"method": "direct", "fee_amount": -1}]}, "channels[0].fee_amount"),
        ({"name": "  "}, "name: String should have at least 1 character"),
        ({"status": "gone"}, "status: Input should be"),
        ({"code": "abc"}, "code: 'abc' is not a procedure code"),
    ],
)
def test_bad_line_is_rejected_with_a_clear_message_and_others_still_import(
    jsonl, home, change, problem
):
    bad = {"kind": "procedure", "code": "1.000002", "name": "Thủ tục hỏng", **change}
    good = {"kind": "procedure", "code": "1.000003", "name": "Thủ tục tốt"}
    path = jsonl([bad, good])

    report = run(path)

    assert len(report.errors) >= 1
    assert report.errors[0].startswith(f"{path}:1: ")
    assert problem in report.errors[0]
    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["1.000003"]


@pytest.mark.django_db
def test_importing_twice_changes_nothing_and_makes_no_revision(jsonl, full_line, home):
    path = jsonl([full_line, {"kind": "procedure", "code": "1.000009", "name": "Thủ tục ngắn"}])
    run(path)
    revisions = Revision.objects.count()

    second = run(path)

    assert second.outcomes[Outcome.UNCHANGED] == 2
    assert second.outcomes[Outcome.CREATED] == second.outcomes[Outcome.UPDATED] == 0
    assert Revision.objects.count() == revisions
    assert Agency.objects.filter(name="Văn phòng đăng ký đất đai").count() == 1
    assert Field.objects.filter(name="Đất đai").count() == 1


@pytest.mark.django_db
def test_changed_line_publishes_one_new_revision_and_absent_keys_are_kept(jsonl, full_line, home):
    run(jsonl([full_line]))
    page = ProcedurePage.objects.get()

    report = run(jsonl([{"kind": "procedure", "code": "1.012756", "name": "Tên mới"}]))

    page.refresh_from_db()
    assert report.outcomes[Outcome.UPDATED] == 1
    assert page.title == "Tên mới" and page.live and not page.has_unpublished_changes
    assert Revision.objects.for_instance(page).count() == 2
    assert page.steps.count() == 2 and page.legal_bases.count() == 2


@pytest.mark.django_db
def test_update_existing_false_leaves_an_edited_procedure_alone(jsonl, full_line, home):
    run(jsonl([full_line]))
    changed = {**full_line, "name": "Tên khác"}
    report = ImportRun(update_existing=False).import_files([jsonl([changed])])
    assert report.outcomes[Outcome.SKIPPED] == 1
    assert ProcedurePage.objects.get().name == "Đăng ký đất đai lần đầu"


@pytest.mark.django_db
def test_imported_pages_sit_correctly_in_the_page_tree(jsonl, home):
    run(jsonl([{"kind": "procedure", "code": f"1.00010{n}", "name": f"TT {n}"} for n in range(3)]))
    catalogue = ProcedureIndexPage.objects.get()
    assert catalogue.numchild == 3
    assert catalogue.get_children().count() == 3
    # A page added afterwards through Wagtail lands after the imported ones.
    run(jsonl([{"kind": "procedure", "code": "1.000200", "name": "TT sau"}]))
    assert [p.title for p in catalogue.get_children()] == ["TT 0", "TT 1", "TT 2", "TT sau"]


@pytest.mark.django_db
def test_export_lists_every_procedure(jsonl, full_line, home):
    run(jsonl([full_line]))
    assert [line["code"] for line in ProcedureImporter().export()] == ["1.012756"]
