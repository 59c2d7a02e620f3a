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
