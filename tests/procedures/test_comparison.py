"""Compare across provinces: a national procedure's time, fees, online level and agency on every
provincial site that publishes it, as an accessible table on the ministry's site and in the API."""

import re

import pytest

from portal.core.models import Agency
from portal.procedures.models import LocalImplementation

from .test_local import CATALOGUE, HANOI, local_only

MINISTRY = {"HTTP_HOST": "localhost"}


@pytest.fixture
def implementations(hanoi, danang, national_procedure):
    LocalImplementation.objects.create(
        site=hanoi,
        procedure=national_procedure,
        implementing_agency=Agency.objects.create(name="Chi nhánh đăng ký đất đai Hà Nội"),
        processing_time="10 ngày làm việc",
        fees="50.000 đồng",
        fee_amount=50000,
        online_level="full",
    )
    return national_procedure


def test_ministry_page_links_to_an_accessible_comparison_table(client, implementations):
    page = client.get(f"{CATALOGUE}{implementations.slug}/", **MINISTRY).content.decode()
    link = re.search(r'class="procedure-comparison-link[^"]*"><a href="([^"]+)"', page)
    assert link is not None
    response = client.get(link.group(1), **MINISTRY)
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption>" in table and implementations.code in table.split("</caption>")[0]
    assert table.count('<th scope="col">') == 5
    rows = {
        re.sub(r"<[^>]+>", "", row.split("</th>")[0]).strip(): row
        for row in table.split('<th scope="row">')[1:]
    }
    hanoi_row = next(row for name, row in rows.items() if name.startswith("Hà Nội"))
    assert "10 ngày làm việc" in hanoi_row and "50.000 đồng" in hanoi_row
    assert "Dịch vụ công trực tuyến toàn trình" in hanoi_row
    assert "Chi nhánh đăng ký đất đai Hà Nội" in hanoi_row
    danang_row = next(row for name, row in rows.items() if name.startswith("Đà Nẵng"))
    # Đà Nẵng has published nothing: said so, never a copied value.
    assert "20 ngày làm việc" not in danang_row and "100.000 đồng" not in danang_row
    assert danang_row.count("chưa công bố") == 3


def test_comparison_is_the_ministrys_not_a_provinces(client, implementations):
    page = client.get(f"{CATALOGUE}{implementations.slug}/", **HANOI).content.decode()
    assert "procedure-comparison-link" not in page
    response = client.get(f"{CATALOGUE}{implementations.slug}/so-sanh/", **HANOI)
    assert response.status_code == 404


def test_implementations_api_compares_every_province_that_publishes_it(
    client, implementations, provincial_site
):
    provincial_site("hue.localhost", "Huế", levels=["commune"])  # does not publish it
    body = client.get(f"/api/procedures/{implementations.code}/implementations/").json()
    assert body["code"] == implementations.code
    by_site = {row["site"]: row for row in body["implementations"]}
    assert set(by_site) == {"hanoi.localhost", "danang.localhost"}
    hanoi = by_site["hanoi.localhost"]
    assert hanoi["processing_time"] == "10 ngày làm việc"
    assert hanoi["fee_amount"] == 50000
    assert hanoi["online_level"] == "full" and hanoi["overridden"] is True
    assert hanoi["url"] == f"http://hanoi.localhost{CATALOGUE}{implementations.slug}/"
    danang = by_site["danang.localhost"]
    assert danang["processing_time"] == "" and danang["overridden"] is False


def test_implementations_api_is_for_national_procedures_only(client, implementations, hanoi):
    assert client.get("/api/procedures/9.999999/implementations/").status_code == 404
    own = local_only(hanoi)
    response = client.get(f"/api/procedures/{own.code}/implementations/")
    assert response.status_code == 404
    assert "national procedure" in response.json()["detail"]


def test_implementations_endpoint_is_in_the_openapi_document(client, db):
    paths = client.get("/api/schema/").json()["paths"]
    assert "/api/procedures/{code}/implementations/" in paths


def test_on_a_phone_each_comparison_cell_keeps_its_column_label(client, implementations):
    page = client.get(f"{CATALOGUE}{implementations.slug}/so-sanh/", **MINISTRY).content.decode()
    table = page.split('class="procedure-comparison-table"', 1)[1].split("</table>", 1)[0]
    headings = re.findall(r'<th scope="col">([^<]+)</th>', table)[1:]
    rows = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    assert len(rows) >= 2
    for row in rows:
        assert re.findall(r'<td data-label="([^"]+)">', row) == headings
