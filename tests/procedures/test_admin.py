import re

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

from portal.core.importing.runner import ImportRun
from portal.procedures.demo.form_files import odt
from portal.procedures.models import ProcedurePage


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def procedures(jsonl, home):
    lines = [
        {
            "kind": "procedure",
            "code": "1.000001",
            "name": "Giao khu vực biển",
            "fields": ["Biển và hải đảo"],
            "levels": ["central"],
        },
        {
            "kind": "procedure",
            "code": "1.000002",
            "name": "Đăng ký đất đai",
            "fields": ["Đất đai"],
            "levels": ["commune"],
        },
        {
            "kind": "procedure",
            "code": "1.000003",
            "name": "Xả nước thải",
            "levels": ["province"],
            "status": "abolished",
        },
    ]
    assert ImportRun().import_files([jsonl(lines)]).ok


def listed(editor_client, **params):
    response = editor_client.get("/admin/procedures/", params)
    assert response.status_code == 200
    return set(re.findall(r"1\.00000\d", response.content.decode()))


@pytest.mark.django_db
def test_admin_listing_filters_by_field_level_and_status(editor_client, procedures):
    from portal.core.models import Field

    land = Field.objects.get(name="Đất đai")
    assert listed(editor_client) == {"1.000001", "1.000002", "1.000003"}
    assert listed(editor_client, procedure_fields=land.pk) == {"1.000002"}
    assert listed(editor_client, level="central") == {"1.000001"}
    assert listed(editor_client, status="abolished") == {"1.000003"}


@pytest.mark.django_db
def test_edit_view_has_one_tab_per_part_of_the_procedure(editor_client, procedures):
    page = ProcedurePage.objects.get(code="1.000002")
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for tab in ["Thông tin chung", "Cách thực hiện", "Hồ sơ và biểu mẫu", "Căn cứ pháp lý"]:
        assert tab in html
    assert "Công bố" in html


@pytest.mark.django_db
def test_uploading_a_form_of_another_type_is_refused_with_a_message(editor_client):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Tờ khai", "file": SimpleUploadedFile("to-khai.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 200
    assert "exe" in response.content.decode() and "not allowed" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_uploading_an_odt_form_is_accepted(editor_client):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Tờ khai", "file": SimpleUploadedFile("to-khai.odt", odt("Tờ khai", ["Tên"]))},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().file_extension == "odt"


@pytest.mark.django_db
def test_editor_creates_a_procedure_and_the_title_follows_the_name(editor_client, procedures):
    catalogue = ProcedurePage.objects.first().get_parent()
    url = f"/admin/pages/add/procedures/procedurepage/{catalogue.pk}/"
    assert editor_client.get(url).status_code == 200
    data = {
        "name": "Cấp giấy phép thăm dò khoáng sản",
        "code": "1.013020",
        "levels": ["central"],
        "status": "in_force",
        "online_level": "partial",
        "popularity": "0",
        "slug": "",
        "action-publish": "publish",
    }
    for prefix in ["steps", "channels", "dossier_items", "legal_bases", "comments"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {"legal_bases-TOTAL_FORMS": "1", "legal_bases-0-number": "54/2024/QH15"}
    data |= {"legal_bases-0-ORDER": "1", "legal_bases-0-id": "", "legal_bases-0-DELETE": ""}

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    page = ProcedurePage.objects.get(code="1.013020")
    assert page.live and page.title == "Cấp giấy phép thăm dò khoáng sản"
    assert page.slug == "1-013020-cap-giay-phep-tham-do-khoang-san"
    assert page.legal_bases.get().normalised_number == "54-2024-QH15"
