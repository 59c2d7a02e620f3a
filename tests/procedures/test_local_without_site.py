"""A province's local values in national data, for a province that has no site yet: stored as
that province's implementation, listed in the run's report, and shown once its site exists."""

from django.core.management import call_command

from portal.procedures.models import LocalImplementation, ProcedurePage

LAI_CHAU_ADDRESS = "Trung tâm Phục vụ hành chính công tỉnh Lai Châu, đường 30/4, phường Tân Phong"
LINE = {
    "kind": "procedure",
    "code": "1.010727",
    "name": "Cấp giấy phép môi trường cấp tỉnh",
    "levels": ["province"],
    "agency": "Sở Nông nghiệp và Môi trường tỉnh Lai Châu",
    "receiving_address": LAI_CHAU_ADDRESS,
    "channels": [
        {
            "method": "direct",
            "time": "20 ngày làm việc",
            "fees": "Phí thẩm định theo Nghị quyết số 08/2021/NQ-HĐND của HĐND tỉnh Lai Châu",
        }
    ],
}
PAGE = "/thu-tuc-hanh-chinh/1-010727-cap-giay-phep-moi-truong-cap-tinh/"


def test_a_province_without_a_site_keeps_its_values_until_its_site_shows_them(
    client, make_agency_site, jsonl, capsys
):
    make_agency_site("hanoi.localhost", "Hà Nội")
    call_command("import_content", str(jsonl([LINE])))
    output = capsys.readouterr().out
    assert "Lai Châu, which has no site yet: stored as its implementation" in output

    national = ProcedurePage.objects.get(code="1.010727")
    local = LocalImplementation.objects.get(procedure=national)
    assert (local.site, local.province) == (None, "Lai Châu")
    assert local.receiving_address == LAI_CHAU_ADDRESS
    for host in ("localhost", "hanoi.localhost"):
        text = client.get(PAGE, HTTP_HOST=host).content.decode()
        assert "30/4, phường Tân Phong" not in text and "08/2021/NQ-HĐND" not in text, host
    # The national page's choice of Lai Châu gives them, as the national data named them.
    chosen = client.get(f"{PAGE}tinh/lai-chau/").content.decode()
    assert "30/4, phường Tân Phong" in chosen and "08/2021/NQ-HĐND" in chosen
    assert "chưa công bố" not in chosen

    lai_chau = make_agency_site("laichau.localhost", "Lai Châu")
    text = client.get(PAGE, HTTP_HOST="laichau.localhost").content.decode()
    assert "30/4, phường Tân Phong" in text
    assert "08/2021/NQ-HĐND" in text
    assert "Sở Nông nghiệp và Môi trường tỉnh Lai Châu" in text
    assert LocalImplementation.objects.get(procedure=national).site == lai_chau
