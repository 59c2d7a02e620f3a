"""Local facts are local: one province's values found in national data are filed as that
province's implementation, never shown as national values or on another province's pages; the
national page asks which province; the comparison shows "chưa công bố"."""

import pytest

from django.core.management import call_command

from portal.procedures.models import LocalImplementation, ProcedurePage

HANOI_ADDRESS = (
    "Trung tâm Phục vụ hành chính công thành phố Hà Nội, số 258 Võ Chí Công, phường Phú Thượng"
)
LINES = [
    {
        "kind": "procedure",
        "code": "1.010727",
        "name": "Cấp giấy phép môi trường cấp tỉnh",
        "levels": ["province"],
        "agency": "Sở Nông nghiệp và Môi trường Hà Nội",
        "competent_agency": "Ủy ban nhân dân thành phố Hà Nội",
        "receiving_agency": "Sở Nông nghiệp và Môi trường Hà Nội",
        "receiving_address": HANOI_ADDRESS,
        "channels": [{"method": "direct", "time": "20 ngày", "fees": "Theo quy định"}],
    },
    {
        "kind": "procedure",
        "code": "1.012999",
        "name": "Thủ tục cấp tỉnh mẫu",
        "levels": ["province"],
        "agency": "Sở Nông nghiệp và Môi trường tỉnh Lai Châu",
    },
    {
        "kind": "procedure",
        "code": "1.010733",
        "name": "Thủ tục cấp trung ương",
        "levels": ["central"],
        "receiving_address": "Bộ phận Một cửa, Bộ Nông nghiệp và Môi trường, số 2 Ngọc Hà, "
        "phường Ba Đình, thành phố Hà Nội",
    },
]
PAGE = "/thu-tuc-hanh-chinh/1-010727-cap-giay-phep-moi-truong-cap-tinh/"


@pytest.fixture
def imported(make_agency_site, jsonl, capsys):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    danang = make_agency_site(
        "danang.localhost", "Đà Nẵng", address="24 Trần Phú, Hải Châu", hotline="0236 3822 222"
    )
    call_command("import_content", str(jsonl(LINES)))
    return hanoi, danang, capsys.readouterr().out


def test_a_provinces_values_in_national_data_become_its_implementation(imported):
    hanoi, _danang, output = imported
    national = ProcedurePage.objects.get(code="1.010727")
    assert national.receiving_address == ""
    assert national.competent_agency is None
    assert [agency.name for agency in national.implementing_agencies.all()] == []
    local = LocalImplementation.objects.get(procedure=national)
    assert local.site == hanoi
    assert local.receiving_address == HANOI_ADDRESS
    assert local.implementing_agency.name == "Sở Nông nghiệp và Môi trường Hà Nội"
    # The ministry's own address of a central procedure is national.
    central = ProcedurePage.objects.get(code="1.010733")
    assert central.receiving_address.startswith("Bộ phận Một cửa, Bộ Nông nghiệp")
    assert "Lai Châu, which has no site yet: stored as its implementation" in output
    assert "moved to provinces: Hà Nội 1, Lai Châu 1" in output


def test_no_page_shows_another_provinces_local_facts(client, imported):
    hanoi_page = client.get(PAGE, HTTP_HOST="hanoi.localhost").content.decode()
    assert "258 Võ Chí Công" in hanoi_page
    for host in ("danang.localhost", "localhost"):
        page = client.get(PAGE, HTTP_HOST=host)
        assert page.status_code == 200, host
        text = page.content.decode()
        assert "258 Võ Chí Công" not in text, host
        assert "Ủy ban nhân dân thành phố Hà Nội" not in text, host
    danang = client.get(PAGE, HTTP_HOST="danang.localhost").content.decode()
    assert "chưa công bố" in danang and "0236 3822 222" in danang


def test_the_national_page_asks_which_province_without_javascript(client, imported):
    text = client.get(PAGE, HTTP_HOST="localhost").content.decode()
    assert "Bạn ở tỉnh, thành phố nào?" in text
    assert text.count('class="province-list"') == 1
    assert f'href="http://hanoi.localhost{PAGE}"' in text
    assert f'href="{PAGE}tinh/lai-chau/"' in text or f'href="http://localhost{PAGE}tinh' in text

    lai_chau = client.get(f"{PAGE}tinh/lai-chau/")
    assert lai_chau.status_code == 200
    assert "Lai Châu chưa công bố" in lai_chau.content.decode()
    assert client.get(f"{PAGE}tinh/da-nang/").url == f"http://danang.localhost{PAGE}"
    unknown = client.get(f"{PAGE}tinh/atlantis/")
    assert unknown.status_code == 404
    assert "Vĩnh Long" in unknown.content.decode()


def test_the_comparison_shows_unpublished_not_copied_values(client, imported):
    text = client.get(f"{PAGE}so-sanh/", HTTP_HOST="localhost").content.decode()
    danang_row = text[text.index("Đà Nẵng") :].split("</tr>", 1)[0]
    assert "chưa công bố" in danang_row
    assert "Hà Nội" not in danang_row


HANOI_FEE = (
    "Phí khai thác tài liệu đất đai theo Nghị quyết số 06/2020/NQ-HĐND của HĐND thành phố Hà Nội"
)
HANOI_TIME = (
    "Không quá 03 ngày làm việc theo Quyết định số 12/2024/QĐ-UBND của UBND thành phố Hà Nội"
)
HANOI_FORM = "Tờ khai theo mẫu ban hành kèm Quyết định số 12/2024/QĐ-UBND của UBND thành phố Hà Nội"
HANOI_URL = "https://dichvucong.hanoi.gov.vn/thu-tuc/1.012815"
FEES_LINE = {
    "kind": "procedure",
    "code": "1.012815",
    "name": "Cung cấp thông tin, dữ liệu đất đai",
    "levels": ["province", "commune"],
    "channels": [
        {"method": "direct", "time": HANOI_TIME, "fees": HANOI_FEE, "fee_amount": 30000},
        {"method": "online", "time": "Như nộp trực tiếp", "url": HANOI_URL},
    ],
    "dossier": [
        {"name": "Phiếu yêu cầu cung cấp dữ liệu đất đai", "originals": 1},
        {"name": HANOI_FORM, "originals": 1, "form": "to-khai-ha-noi.docx"},
    ],
}
FEES_PAGE = "/thu-tuc-hanh-chinh/1-012815-cung-cap-thong-tin-du-lieu-dat-dai/"


def test_a_provinces_fees_time_link_and_forms_become_its_implementation(
    client, make_agency_site, jsonl, capsys, form_document
):
    hanoi = make_agency_site("hanoi.localhost", "Hà Nội")
    make_agency_site("danang.localhost", "Đà Nẵng")
    form_document("to-khai-ha-noi.docx")
    call_command("import_content", str(jsonl([FEES_LINE])))
    output = capsys.readouterr().out
    assert "by field: Hà Nội: fees 1, forms 1, online_url 1, time 1" in output

    national = ProcedurePage.objects.get(code="1.012815")
    channels = list(national.channels.all())
    assert [(c.fees, c.fee_amount, c.processing_time, c.url) for c in channels] == [
        ("", None, "", ""),
        ("", None, "Như nộp trực tiếp", ""),
    ]
    assert [item.name for item in national.dossier_items.all()] == [
        "Phiếu yêu cầu cung cấp dữ liệu đất đai"
    ]
    local = LocalImplementation.objects.get(procedure=national)
    assert local.site == hanoi
    assert (local.fees, local.fee_amount, local.processing_time, local.online_url) == (
        HANOI_FEE,
        30000,
        HANOI_TIME,
        HANOI_URL,
    )
    assert [form.title for form in local.local_forms.all()] == [HANOI_FORM]

    assert "06/2020/NQ-HĐND" in client.get(FEES_PAGE, HTTP_HOST="hanoi.localhost").content.decode()
    for host in ("danang.localhost", "localhost"):
        text = client.get(FEES_PAGE, HTTP_HOST=host).content.decode()
        for value in ("06/2020/NQ-HĐND", "12/2024/QĐ-UBND", "dichvucong.hanoi.gov.vn"):
            assert value not in text, (host, value)
