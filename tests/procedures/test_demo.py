import pytest

from django.core.management import call_command

from portal.procedures.models import ProcedurePage
from portal.procedures.validators import validate_form_document


@pytest.mark.django_db
def test_demo_procedures_are_complete_with_real_forms(client):
    call_command("load_demo")

    procedures = ProcedurePage.objects.live()
    assert procedures.count() >= 15
    assert {f.name for p in procedures for f in p.procedure_fields.all()} >= {
        "Đất đai",
        "Tài nguyên nước",
        "Môi trường",
        "Địa chất và khoáng sản",
        "Khí tượng thủy văn",
        "Đo đạc và bản đồ",
        "Biển và hải đảo",
    }
    for page in procedures:
        assert page.steps.exists() and page.channels.exists() and page.legal_bases.exists()
        assert page.dossier_items.exists() and page.result
    forms = [item.form for p in procedures for item in p.dossier_items.all() if item.form]
    assert {form.file_extension for form in forms} == {"docx", "odt", "pdf"}
    for form in forms:
        validate_form_document(form)
    assert client.get(procedures.first().get_parent().url).status_code == 200


@pytest.mark.django_db
def test_loading_the_demo_twice_keeps_editor_changes():
    call_command("load_demo")
    page = ProcedurePage.objects.get(code="1.012756")
    page.name = page.title = "Tên do biên tập viên sửa"
    page.save_revision().publish()
    count = ProcedurePage.objects.count()

    call_command("load_demo")

    assert ProcedurePage.objects.get(code="1.012756").name == "Tên do biên tập viên sửa"
    assert ProcedurePage.objects.count() == count


def load_demos():
    from portal.core import demo as core_demo
    from portal.legal import demo as legal_demo
    from portal.procedures import demo as procedures_demo

    core_demo.load()
    legal_demo.load()
    return procedures_demo.load()


def test_demo_gives_hanoi_and_danang_local_implementations_and_own_procedures(client, db):
    from portal.procedures.models import LocalImplementation

    load_demos()  # the core demo creates the two provincial sites
    assert "thủ tục địa phương" in load_demos()  # idempotent: nothing is added twice

    # Hà Nội's: its two own lines, and five national records whose Hà Nội values the importer
    # filed as Hà Nội's (portal/procedures/local_facts.py); no national record keeps them.
    hanoi_codes = set(
        LocalImplementation.objects.filter(site__hostname="hanoi.localhost").values_list(
            "procedure__code", flat=True
        )
    )
    assert {"1.010727", "1.012815", "1.012101", "1.004232", "1.013031"} <= hanoi_codes
    assert len(hanoi_codes) == 7
    assert not ProcedurePage.objects.filter(receiving_address__contains="258 Võ Chí Công").exists()
    assert LocalImplementation.objects.filter(site__hostname="danang.localhost").count() == 2
    hanoi = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST="hanoi.localhost").content.decode()
    assert "2.002101" in hanoi and "2.002201" not in hanoi
    page = ProcedurePage.objects.get(code="1.012790")
    hanoi_page = client.get(f"/thu-tuc-hanh-chinh/{page.slug}/", HTTP_HOST="hanoi.localhost")
    assert "Không quá 05 ngày làm việc" in hanoi_page.content.decode()
    ministry = client.get(f"/api/procedures/{page.code}/implementations/").json()
    assert {row["site"] for row in ministry["implementations"] if row["overridden"]} == {
        "hanoi.localhost",
        "danang.localhost",
    }


def test_demo_without_the_provincial_sites_creates_nothing_local_and_says_so(db):
    from portal.legal import demo as legal_demo
    from portal.procedures import demo as procedures_demo
    from portal.procedures.models import LocalImplementation

    assert "không tạo văn bản địa phương" in legal_demo.load()
    output = procedures_demo.load()  # no core demo: no provincial site
    assert "không có trang hanoi.localhost, danang.localhost" in output
    # Hà Nội's values in the national lines are kept under its name, for its site to come.
    assert not LocalImplementation.objects.filter(site__isnull=False).exists()
    assert set(LocalImplementation.objects.values_list("province", flat=True)) == {"Hà Nội"}
    assert not ProcedurePage.objects.filter(code__startswith="2.").exists()
