"""The ministry sees how complete every agency's disclosure is, computed from the content: the
figures move when content is published or withdrawn, in the page, the CSV and the JSON."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

DASHBOARD = "/tiep-can-thong-tin/danh-gia/"


@pytest.fixture
def sites(make_agency_site):
    return make_agency_site("hanoi.localhost", "Hà Nội"), make_agency_site(
        "danang.localhost", "Đà Nẵng"
    )


def agencies(client, **params):
    return {
        row["agency"]: row
        for row in client.get(DASHBOARD, {"format": "json", **params}).json()["agencies"]
    }


def test_every_agency_has_a_row_whose_figures_follow_the_content(client, sites, document):
    before = agencies(client)
    assert {"Sở Nông nghiệp và Môi trường Hà Nội", "Sở Nông nghiệp và Môi trường Đà Nẵng"} <= set(
        before
    )
    ministry = next(row for row in before.values() if row["national"])
    assert (
        "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung"
        not in (ministry["missing_items"])
    )

    document.unpublish()

    after = next(row for row in agencies(client).values() if row["national"])
    assert after["published"] == ministry["published"] - 1
    assert after["completeness"] < ministry["completeness"]
    assert (
        "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung"
        in (after["missing_items"])
    )


def test_the_table_sorts_by_any_column_and_matches_the_csv(client, sites, document):
    rows = list(agencies(client, sort="completeness", order="desc").values())
    assert [row["completeness"] for row in rows] == sorted(
        (row["completeness"] for row in rows), reverse=True
    )
    html = client.get(DASHBOARD, {"sort": "agency"}).content.decode()
    names = sorted(row["agency"] for row in rows)
    positions = [html.index(f">{name}</a>") for name in names]
    assert positions == sorted(positions)
    assert 'aria-sort="ascending"' in html

    lines = list(csv.reader(io.StringIO(client.get(DASHBOARD, {"format": "csv"}).content.decode())))
    assert len(lines) == 1 + len(rows)
    by_name = {line[0]: line for line in lines[1:]}
    for row in rows:
        assert by_name[row["agency"]][1] == str(row["completeness"])


def test_the_dashboard_is_the_ministrys_only(client, sites):
    assert client.get(DASHBOARD, HTTP_HOST="hanoi.localhost").status_code == 404
