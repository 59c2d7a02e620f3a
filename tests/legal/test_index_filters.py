import datetime
import re

import pytest

from portal.core.factories import AgencyFactory, FieldFactory


def listed(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return re.findall(r'<a href="/van-ban/[^"]+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def documents(make_document):
    government = AgencyFactory(name="Chính phủ")
    ministry = AgencyFactory(name="Bộ Tài nguyên và Môi trường")
    land = FieldFactory(name="Đất đai")
    water = FieldFactory(name="Tài nguyên nước")
    decree = make_document(
        number="102/2024/NĐ-CP",
        doc_type="Nghị định",
        issuer=government,
        issued=datetime.date(2024, 7, 30),
        fields=[land],
    )
    circular = make_document(
        number="08/2023/TT-BTNMT",
        doc_type="Thông tư",
        issuer=ministry,
        issued=datetime.date(2023, 3, 1),
        fields=[water],
    )
    direction = make_document(
        number="1234/BTNMT-TNN",
        doc_type="Công văn",
        issuer=ministry,
        issued=datetime.date(2024, 2, 1),
        document_kind="direction",
        expires=datetime.date(2024, 6, 1),
        fields=[water],
    )
    return decree, circular, direction


def test_newest_first_by_default(client, index_page, documents):
    assert listed(client, index_page) == ["102/2024/NĐ-CP", "1234/BTNMT-TNN", "08/2023/TT-BTNMT"]


def test_sort_by_number(client, index_page, documents):
    assert listed(client, index_page, sort="number") == [
        "08/2023/TT-BTNMT",
        "102/2024/NĐ-CP",
        "1234/BTNMT-TNN",
    ]
    assert listed(client, index_page, sort="issued")[0] == "08/2023/TT-BTNMT"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"doc_type": "Thông tư"}, ["08/2023/TT-BTNMT"]),
        ({"issuer": "chinh-phu"}, ["102/2024/NĐ-CP"]),
        ({"field": "tai-nguyen-nuoc"}, ["1234/BTNMT-TNN", "08/2023/TT-BTNMT"]),
        ({"validity": "expired"}, ["1234/BTNMT-TNN"]),
        ({"year": "2024"}, ["102/2024/NĐ-CP", "1234/BTNMT-TNN"]),
        ({"kind": "direction"}, ["1234/BTNMT-TNN"]),
        ({"year": "2024", "issuer": "bo-tai-nguyen-va-moi-truong"}, ["1234/BTNMT-TNN"]),
    ],
)
def test_filters(client, index_page, documents, params, expected):
    assert listed(client, index_page, **params) == expected


def test_bad_filter_values_are_ignored_not_an_error(client, index_page, documents):
    assert listed(client, index_page, year="abc", sort="drop", page="x", doc_type="Thông tư") == [
        "08/2023/TT-BTNMT"
    ]


def test_pages_of_twenty(client, index_page, make_document):
    for n in range(25):
        make_document(number=f"{n + 1}/2024/TT-BTNMT", issued=datetime.date(2024, 1, 1))
    assert len(listed(client, index_page)) == 20
    assert len(listed(client, index_page, page=2)) == 5
    assert len(listed(client, index_page, page=99)) == 5
