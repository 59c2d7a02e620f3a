import pytest

from portal.core.importing.runner import ImportRun
from portal.procedures.models import ProcedurePage


@pytest.fixture
def procedure(jsonl, full_line, form_document, home):
    form_document("mau-04-dk.docx")
    report = ImportRun().import_files([jsonl([full_line])])
    assert report.ok, report.errors
    return ProcedurePage.objects.get(code=full_line["code"])


def sections_in_order(html, *markers):
    positions = [html.index(marker) for marker in markers]
    return positions == sorted(positions)


@pytest.mark.django_db
def test_detail_page_shows_each_section_in_the_order_a_citizen_reads_it(client, procedure):
    html = client.get(procedure.url).content.decode()

    assert sections_in_order(
        html,
        'id="tom-tat"',
        'id="trinh-tu"',
        'id="ho-so"',
        'id="cach-thuc"',
        'id="can-cu"',
        'id="ket-qua"',
    )
    assert "Bộ phận Một cửa cấp xã" in html  # where
    assert "Trực tuyến: 20 ngày làm việc" in html  # how long
    assert "Trực tuyến: 50.000 đồng" in html  # how much
    assert "Dịch vụ công trực tuyến một phần" in html  # online or not
    assert 'href="https://dichvucong.gov.vn/p/1.012756"' in html
    assert "Nộp hồ sơ tại Bộ phận Một cửa." in html
    assert "<h3>Trường hợp có giấy tờ</h3>" in html
    assert "Giấy chứng nhận quyền sử dụng đất." in html
    assert "31/2024/QH15" in html
    assert "procedure-status-banner" not in html


@pytest.mark.django_db
def test_form_download_link_serves_the_document(client, procedure):
    html = client.get(procedure.url).content.decode()
    link = html.split('class="procedure-form-download" href="')[1].split('"')[0]
    response = client.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK\x03\x04")
    assert "Tải mẫu (DOCX)" in html


@pytest.mark.django_db
def test_print_view_has_the_same_sections_without_the_site_chrome(client, procedure):
    response = client.get(procedure.url, {"print": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="procedure-print"' in html and 'href="/static/css/print.css"' in html
    assert 'class="site-header"' not in html
    assert 'id="ho-so"' in html and 'id="can-cu"' in html


@pytest.mark.django_db
def test_abolished_procedure_shows_a_banner_pointing_to_its_replacement(client, jsonl, home):
    ImportRun().import_files(
        [
            jsonl(
                [
                    {
                        "kind": "procedure",
                        "code": "1.004232",
                        "name": "Cấp giấy phép xả nước thải vào nguồn nước",
                        "status": "abolished",
                        "status_date": "2022-01-10",
                        "status_decision": "Quyết định số 634/QĐ-BTNMT",
                        "replaced_by": "1.010727",
                    },
                    {"kind": "procedure", "code": "1.010727", "name": "Cấp giấy phép môi trường"},
                ]
            )
        ]
    )
    old = ProcedurePage.objects.get(code="1.004232")
    new = ProcedurePage.objects.get(code="1.010727")

    html = client.get(old.url).content.decode()

    banner = html.split('class="procedure-status-banner')[1].split("</div>")[0]
    assert "Thủ tục này đã bị bãi bỏ" in banner
    assert "10/01/2022" in banner and "Quyết định số 634/QĐ-BTNMT" in banner
    assert f'href="{new.url}"' in banner
    assert "procedure-status-banner" not in client.get(new.url).content.decode()


@pytest.mark.django_db
def test_amended_procedure_says_so_and_names_a_replacement_not_yet_published(client, jsonl, home):
    line = {
        "kind": "procedure",
        "code": "1.000987",
        "name": "Cấp giấy phép dự báo",
        "status": "amended",
        "replaced_by": "1.999999",
    }
    ImportRun().import_files([jsonl([line])])
    html = client.get(ProcedurePage.objects.get().url).content.decode()
    assert "Thủ tục này đã được sửa đổi, bổ sung" in html
    assert "Thủ tục thay thế: mã 1.999999" in html


@pytest.mark.django_db
def test_procedure_without_details_still_renders_every_heading(client, jsonl, home):
    ImportRun().import_files([jsonl([{"kind": "procedure", "code": "1.1000", "name": "Ngắn"}])])
    response = client.get(ProcedurePage.objects.get().url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Chưa có thông tin") >= 4
