import re

import pytest

from portal.core.importing.runner import ImportRun
from portal.procedures.models import ProcedureIndexPage


def line(code, name, **values):
    return {"kind": "procedure", "code": code, "name": name, **values}


@pytest.fixture
def catalogue(jsonl, home):
    lines = [
        line(
            "1.000001",
            "Cấp giấy phép môi trường",
            fields=["Môi trường"],
            levels=["province"],
            audiences=["business"],
            agency="Sở Nông nghiệp và Môi trường",
            online_level="full",
            popularity=50,
        ),
        line(
            "2.000002",
            "Đăng ký đất đai",
            fields=["Đất đai"],
            levels=["commune"],
            audiences=["citizen"],
            agency="Ủy ban nhân dân cấp xã",
            online_level="partial",
            popularity=900,
        ),
        line(
            "1.000003",
            "Bãi bỏ: xả nước thải",
            fields=["Tài nguyên nước"],
            levels=["province"],
            audiences=["business", "citizen"],
            agency="Sở Nông nghiệp và Môi trường",
            status="abolished",
            popularity=5,
        ),
    ]
    report = ImportRun().import_files([jsonl(lines)])
    assert report.ok, report.errors
    return ProcedureIndexPage.objects.get()


def codes(client, catalogue_page, **params):
    response = client.get(catalogue_page.url, params)
    assert response.status_code == 200
    return re.findall(r'class="procedure-list-code">([^<]+)<', response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"field": "dat-dai"}, ["2.000002"]),
        ({"level": "province"}, ["1.000001", "1.000003"]),
        ({"audience": "citizen"}, ["2.000002", "1.000003"]),
        ({"agency": "so-nong-nghiep-va-moi-truong"}, ["1.000001", "1.000003"]),
        ({"online_level": "full"}, ["1.000001"]),
        ({"status": "abolished"}, ["1.000003"]),
        ({"level": "province", "status": "in_force"}, ["1.000001"]),
    ],
)
def test_each_filter_narrows_the_list(client, catalogue, params, expected):
    assert codes(client, catalogue, **params) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["2.000002", "1.000001", "1.000003"]),
        ("popularity", ["2.000002", "1.000001", "1.000003"]),
        ("code", ["1.000001", "1.000003", "2.000002"]),
        ("name", ["1.000003", "1.000001", "2.000002"]),
    ],
)
def test_sorting(client, catalogue, sort, expected):
    assert codes(client, catalogue, sort=sort) == expected


@pytest.mark.django_db
def test_unknown_filter_values_and_bad_page_numbers_do_not_fail(client, catalogue):
    assert len(codes(client, catalogue, level="galaxy", page="abc", sort="x")) == 3


@pytest.mark.django_db
def test_filter_form_is_a_plain_get_form_offering_only_used_terms(client, catalogue):
    html = client.get(catalogue.url).content.decode()
    assert '<form class="procedure-filters" method="get"' in html
    assert 'value="dat-dai"' in html and 'value="moi-truong"' in html
    assert 'value="bien-va-hai-dao"' not in html


@pytest.mark.django_db
def test_pages_keep_the_filters(client, jsonl, home):
    ImportRun().import_files(
        [jsonl([line(f"1.{n:06d}", f"TT {n}", levels=["commune"]) for n in range(25)])]
    )
    catalogue = ProcedureIndexPage.objects.get()
    html = client.get(catalogue.url, {"level": "commune"}).content.decode()
    assert "25 thủ tục" in html
    assert "?level=commune&amp;page=2" in html
    assert len(codes(client, catalogue, level="commune", page=2)) == 5


@pytest.mark.django_db
def test_field_choices_follow_vietnamese_alphabetical_order(client, catalogue):
    html = client.get(ProcedureIndexPage.objects.get().url).content.decode()

    select = html.split('name="field"')[1].split("</select>")[0]
    names = re.findall(r"<option value=\"[^\"]+\"[^>]*>([^<]+)</option>", select)
    # Byte order puts "Tài nguyên nước" and "Môi trường" before "Đất đai".
    assert names == ["Đất đai", "Môi trường", "Tài nguyên nước"]


@pytest.mark.django_db
def test_the_list_has_a_keyword_box_searching_procedures(client, catalogue):
    html = client.get(ProcedureIndexPage.objects.get().url).content.decode()

    box = html.split('class="search-form list-search"')[1].split("</form>")[0]
    assert 'action="/tim-kiem/"' in box
    assert '<input type="hidden" name="kind" value="procedure">' in box
    assert 'name="q"' in box
    # The filters fold under a summary (open only when one is chosen).
    assert '<details class="list-filters" data-open-wide>' in html
