"""`GET /api/statistics/`: totals, indicators and groups that add up to the totals, for every
grouping and filter; a bad filter is a 400 in the API's one error shape; it is in the OpenAPI
document."""

import pytest

from portal.statistics.models import COUNTS, FLOWS

from .conftest import line
from .fixtures import processing_lines, publish_procedures

pytestmark = pytest.mark.django_db

RANGE = {"from": "2025-08", "to": "2025-10"}


@pytest.fixture
def figures(import_lines, home):
    publish_procedures()
    report = import_lines(processing_lines())
    assert report.ok, report.errors


@pytest.mark.parametrize("group", ["month", "agency", "field", "procedure"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"province": "Huế"}, {"agency": "so-nong-nghiep-va-moi-truong-ha-noi"},
     {"procedure": "1.004232"}],
)  # fmt: skip
def test_the_groups_add_up_to_the_totals(client, figures, group, filters):
    body = client.get("/api/statistics/", {**RANGE, **filters, "group": group}).json()

    # Stocks (carried over, pending) are read at the first and last month, so by month only the
    # flows add up; by any other grouping every count does.
    names = FLOWS if group == "month" else COUNTS
    for name in names:
        assert sum(item["counts"][name] for item in body["groups"]) == body["totals"][name], name
    assert body["totals"]["received"] > 0
    assert body["group"] == group


def test_totals_and_indicators_of_one_procedure_at_one_agency(client, figures):
    body = client.get(
        "/api/statistics/",
        {**RANGE, "procedure": "1.012756", "agency": "so-nong-nghiep-va-moi-truong-hue"},
    ).json()

    # Huế, 1.012756: received 15, 16, 17; resolved on time received - 4; one late each month.
    assert body["totals"]["received"] == 48
    assert body["totals"]["resolved_on_time"] == 36
    assert body["totals"]["resolved_late"] == 3
    assert body["totals"]["carried_over"] == 2  # into August only
    assert body["indicators"]["on_time_rate"] == round(100 * 36 / 39, 2)
    assert body["indicators"]["overdue"] == 3 + 1
    assert body["filters"] == {**RANGE, "procedure": "1.012756",
                               "agency": "so-nong-nghiep-va-moi-truong-hue"}  # fmt: skip
    assert "CC BY 4.0" in body["licence"]


def test_fields_are_the_procedures_main_fields(client, figures):
    body = client.get("/api/statistics/", {**RANGE, "group": "field"}).json()

    assert sorted(item["label"] for item in body["groups"]) == [
        "Chưa xác định lĩnh vực",  # 1.010727, not published here
        "Tài nguyên nước",
        "Đất đai",
    ]


def test_months_are_labelled_and_ordered(client, figures):
    body = client.get("/api/statistics/", {**RANGE, "group": "month"}).json()

    assert [item["key"] for item in body["groups"]] == ["2025-08", "2025-09", "2025-10"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2025-13"}, "from"),
        ({"to": "tháng 10"}, "to"),
        ({"from": "2025-10", "to": "2025-01"}, "from"),
        ({"group": "province"}, "group"),
        ({"agency": "khong-co"}, "agency"),
        ({"field": "khong-co"}, "field"),
        ({"province": "Atlantis"}, "province"),
        ({"procedure": "9.999999"}, "procedure"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(client, figures, query, field):
    response = client.get("/api/statistics/", query)

    assert response.status_code == 400
    body = response.json()
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["detail"].startswith(f"{field}: ")


def test_the_endpoint_is_in_the_openapi_document(client, db):
    schema = client.get("/api/schema/").json()
    operation = schema["paths"]["/api/statistics/"]["get"]

    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"procedure", "agency", "province", "field", "from", "to", "group"}
    assert {"200", "400"} <= operation["responses"].keys()


def test_a_provincial_site_answers_for_its_province_and_the_national_agencies(
    client, import_lines, make_agency_site
):
    make_agency_site("hanoi.localhost", "Hà Nội")
    national = line(agency="Cục Quản lý đất đai", province="", period="2025-09", received=30)
    report = import_lines([*processing_lines(), national])
    assert report.ok, report.errors

    def agencies(host, **params):
        response = client.get(
            "/api/statistics/", {**RANGE, "group": "agency", **params}, HTTP_HOST=host
        )
        assert response.status_code == 200, response.content
        return {group["label"] for group in response.json()["groups"]}

    hanoi = "Sở Nông nghiệp và Môi trường Hà Nội"
    hue = "Sở Nông nghiệp và Môi trường Huế"
    assert agencies("hanoi.localhost") == {hanoi, "Cục Quản lý đất đai"}
    assert agencies("localhost") == {hanoi, hue, "Cục Quản lý đất đai"}
    for other in ({"province": "Huế"}, {"agency": "so-nong-nghiep-va-moi-truong-hue"}):
        response = client.get("/api/statistics/", {**RANGE, **other}, HTTP_HOST="hanoi.localhost")
        assert response.status_code == 400, other
    page = client.get("/thong-ke/", {"period": "2025-09"}, HTTP_HOST="hanoi.localhost")
    assert page.status_code == 200
    assert hanoi in page.content.decode() and hue not in page.content.decode()
