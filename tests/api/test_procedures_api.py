import pytest

from portal.core.factories import AgencyFactory, FieldFactory
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models.records import ProcedureLegalBasis, ProcedureStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_procedure(home):
    def make(code, name, *, fields=(), agencies=(), **attributes):
        page = ProcedurePageFactory(code=code, name=name, **attributes)
        page.procedure_fields.set(fields)
        page.implementing_agencies.set(agencies)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def procedures(make_procedure):
    land = FieldFactory(name="Đất đai")
    water = FieldFactory(name="Tài nguyên nước")
    office = AgencyFactory(name="Văn phòng đăng ký đất đai")
    return [
        make_procedure(
            "1.012756",
            "Đăng ký đất đai lần đầu",
            fields=[land],
            agencies=[office],
            levels=["province", "commune"],
            audiences=["citizen", "business"],
            online_level="partial",
            popularity=500,
        ),
        make_procedure(
            "1.004227",
            "Cấp giấy phép khai thác nước mặt",
            fields=[water],
            levels=["central"],
            audiences=["business"],
            popularity=900,
        ),
        make_procedure(
            "1.000001",
            "Thủ tục đã bãi bỏ",
            fields=[land],
            levels=["district"],
            audiences=["citizen"],
            status="abolished",
            replacement_code="1.012756",
        ),
    ]


def codes(client, **query):
    response = client.get("/api/procedures/", query)
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["results"]]


def test_procedures_list_by_code_with_natural_key(client, procedures):
    body = client.get("/api/procedures/").json()

    assert body["total"] == 3
    assert [item["code"] for item in body["results"]] == ["1.000001", "1.004227", "1.012756"]
    assert body["results"][2]["fields"] == [{"slug": "dat-dai", "name": "Đất đai"}]


def test_procedures_filter_by_every_facet(client, procedures):
    assert codes(client, field="dat-dai") == ["1.000001", "1.012756"]
    assert codes(client, level="commune") == ["1.012756"]
    assert codes(client, audience="business") == ["1.004227", "1.012756"]
    assert codes(client, agency="van-phong-dang-ky-dat-dai") == ["1.012756"]
    assert codes(client, online_level="partial") == ["1.012756"]
    assert codes(client, status="abolished") == ["1.000001"]
    assert codes(client, field="dat-dai", status="in_force") == ["1.012756"]


def test_procedures_order_by_popularity(client, procedures):
    assert codes(client, order="-popularity") == ["1.004227", "1.012756", "1.000001"]


def test_procedure_detail_resolves_typed_codes(client, procedures):
    page = procedures[0]
    ProcedureStep.objects.create(page=page, text="Nộp hồ sơ", sort_order=0)
    ProcedureLegalBasis.objects.create(page=page, number="31/2024/QH15", title="Luật Đất đai")

    for spelling in ("1.012756", "1,012756", " 1.012756 "):
        data = client.get(f"/api/procedures/{spelling}/").json()
        assert data["code"] == "1.012756"
    assert data["steps"] == ["Nộp hồ sơ"]
    assert data["legal_bases"] == [
        {"number": "31/2024/QH15", "title": "Luật Đất đai", "api_url": None}
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"level": "galaxy"}, "level"),
        ({"status": "maybe"}, "status"),
        ({"field": "khong-co"}, "field"),
        ({"agency": "khong-co"}, "agency"),
        ({"page_size": 101}, "page_size"),
        ({"page": "abc"}, "page"),
    ],
)
def test_procedures_bad_filters_are_400_naming_the_parameter(client, procedures, query, field):
    response = client.get("/api/procedures/", query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_unknown_code_is_404(client, procedures):
    for code in ("9.999999", "not-a-code"):
        response = client.get(f"/api/procedures/{code}/")
        assert response.status_code == 404
        assert code in response.json()["detail"]


def test_change_feed_lists_new_amended_and_abolished(client, procedures):
    response = client.get("/api/feeds/procedures/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "[Mới] 1.012756" in body
    assert "[Đã bị bãi bỏ] 1.000001" in body
    assert "Thủ tục thay thế: 1.012756" in body
    assert response["ETag"]


def test_amended_procedure_reappears_at_the_top_of_the_feed(client, procedures):
    amended = procedures[1]
    amended.status = "amended"
    amended.save_revision().publish()

    body = client.get("/api/feeds/procedures/").content.decode()

    first_entry = body.split("<entry>")[1]
    assert "[Đã được sửa đổi, bổ sung] 1.004227" in first_entry
