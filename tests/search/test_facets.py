"""Every facet the content apps give can be used as a filter, through the API and the page."""

import pytest

from django.core.management import call_command

from search.requests import FACETS

PROCEDURES = [
    {
        "kind": "procedure",
        "code": "1.012756",
        "name": "Đăng ký đất đai lần đầu",
        "fields": ["Đất đai"],
        "levels": ["province", "commune"],
        "audiences": ["citizen", "business"],
        "agency": "Văn phòng đăng ký đất đai Hà Nội",
        "status": "in_force",
        "online_level": "partial",
    },
    {
        "kind": "procedure",
        "code": "1.004227",
        "name": "Đăng ký biến động đất đai, tài sản gắn liền với đất",
        "fields": ["Đất đai", "Đo đạc, bản đồ"],
        "levels": ["commune"],
        "audiences": ["business"],
        "agency": "Ủy ban nhân dân cấp xã",
        "status": "abolished",
        "online_level": "full",
    },
]
LEGAL = [
    {
        "kind": "legal",
        "number": "31/2024/QH15",
        "title": "Luật Đất đai",
        "doc_type": "Luật",
        "issuer": "Quốc hội",
        "issued": "2024-01-18",
        "fields": ["Đất đai"],
    },
    {
        "kind": "legal",
        "number": "101/2024/NĐ-CP",
        "title": "Nghị định quy định về điều tra cơ bản đất đai, đăng ký đất đai",
        "doc_type": "Nghị định",
        "issuer": "Chính phủ",
        "issued": "2024-07-29",
        "fields": ["Đất đai", "Đo đạc, bản đồ"],
        "status": "expired",
    },
]
NEWS = [
    {
        "kind": "news",
        "slug": "tap-huan-luat-dat-dai",
        "title": "Tập huấn Luật Đất đai cho cán bộ địa chính",
        "lead": "Bộ tổ chức tập huấn về đất đai.",
        "published": "2025-03-04",
        "category": "Tin hoạt động",
        "tags": ["Đất đai", "Tập huấn"],
    },
    {
        "kind": "news",
        "slug": "ket-qua-cap-giay-chung-nhan",
        "title": "Kết quả cấp giấy chứng nhận quyền sử dụng đất đai",
        "lead": "Các địa phương đẩy mạnh cấp giấy chứng nhận đất đai.",
        "published": "2025-02-01",
        "category": "Tin địa phương",
        "tags": ["Đất đai"],
    },
]
FACETS_OF = {
    "procedure": ["field", "level", "audience", "agency", "online_level", "status", "language"],
    "legal": ["doc_type", "issuer", "field", "validity", "year", "language"],
    "news": ["section", "tag", "language"],
}


@pytest.fixture
def imported(engine, home, jsonl, committed):
    with committed():
        call_command("import_content", str(jsonl(PROCEDURES + LEGAL + NEWS)))
    return engine


def api(client, **params):
    response = client.get("/api/search/", {"q": "dat dai", "page_size": 50, **params})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("kind", sorted(FACETS_OF))
def test_filtering_by_each_facet_value_finds_what_its_count_says(client, imported, kind):
    body = api(client, kind=kind)
    assert body["total"] == 2
    assert set(FACETS_OF[kind]) <= set(body["facets"]), f"{kind} lacks facets"
    for name in FACETS_OF[kind]:
        assert name in FACETS
        for facet in body["facets"][name]:
            assert facet["value"] and facet["label"]
            filtered = api(client, kind=kind, **{name: facet["value"]})
            assert filtered["total"] == facet["count"], (name, facet)
            assert {r["kind"] for r in filtered["results"]} == {kind}


def test_values_with_commas_and_marks_filter_on_the_search_page(client, imported):
    body = api(client, kind="procedure")
    mapping = next(f for f in body["facets"]["field"] if f["label"] == "Đo đạc, bản đồ")
    page = client.get("/tim-kiem/", {"q": "dat dai", "field": mapping["value"]})
    assert page.status_code == 200
    html = page.content.decode()
    assert "1.004227" in html or "Đăng ký biến động đất đai" in html
    assert "Đăng ký đất đai lần đầu" not in html


def test_field_filter_spans_procedures_and_legal_documents(client, imported):
    body = api(client)
    field = next(f for f in body["facets"]["field"] if f["label"] == "Đo đạc, bản đồ")
    filtered = api(client, field=field["value"])
    assert {(r["kind"], r["id"]) for r in filtered["results"]} == {
        ("procedure", "1.004227"),
        ("legal", "101/2024/NĐ-CP"),
    }
