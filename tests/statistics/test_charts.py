"""The dashboard's ranking charts plot the on-time rate they are labelled with (0–100 %, the
API's figure), highest first and inside the chart; names with numbers sort by value; every
period with data is offered; the current month is marked provisional; on a phone each cell
keeps its column's label."""

import re

import pytest

from portal.statistics.svg import LABEL, WIDTH

from .conftest import line
from .fixtures import processing_lines, publish_procedures

pytestmark = pytest.mark.django_db

URL = "/thong-ke/"
BAR = re.compile(
    r"<g><title>(?P<label>[^<]*): (?P<shown>[^<]*)</title>.*?"
    r'<rect x="(?P<x>[\d.]+)" y="[\d.]+" width="(?P<width>[\d.]+)"',
)


@pytest.fixture
def figures(import_lines, home):
    publish_procedures()
    report = import_lines(processing_lines())
    assert report.ok, report.errors


def chart(html, chart_id):
    svg = html.split(f'aria-labelledby="bieu-do-{chart_id}-title"', 1)[1].split("</svg>", 1)[0]
    return [match.groupdict() for match in BAR.finditer(svg)]


def as_vietnamese_rate(value):
    return f"{value:.1f}%".replace(".", ",")


@pytest.mark.parametrize(("chart_id", "group"), [("co-quan", "agency"), ("linh-vuc", "field")])
def test_ranking_charts_plot_the_api_on_time_rates_highest_first(client, figures, chart_id, group):
    html = client.get(URL, {"period": "2025-Q3"}).content.decode()
    api = client.get("/api/statistics/", {"from": "2025-07", "to": "2025-09", "group": group})
    rates = {item["label"]: item["indicators"]["on_time_rate"] for item in api.json()["groups"]}

    bars = chart(html, chart_id)
    assert [bar["label"] for bar in bars] == sorted(rates, key=lambda label: -rates[label])
    for bar in bars:
        assert bar["shown"] == as_vietnamese_rate(rates[bar["label"]])
        assert 0 <= rates[bar["label"]] <= 100
        # The bar's length is its rate (to the tenth shown) on the 0–100 % scale, inside.
        scale = WIDTH - LABEL - 70
        assert float(bar["width"]) == pytest.approx(rates[bar["label"]] / 100 * scale, abs=0.25)
        assert float(bar["x"]) + float(bar["width"]) < WIDTH


def test_names_with_numbers_rank_by_their_value_when_rates_tie(import_lines, client, home):
    lines = [
        line(agency=f"Đội kiểm tra số {number}", province="", period="2025-10",
             resolved_on_time=50)
        for number in (10, 2, 1, 11)
    ]  # fmt: skip
    assert import_lines(lines).ok
    html = client.get(URL, {"period": "2025-10"}).content.decode()
    assert [bar["label"] for bar in chart(html, "co-quan")] == [
        f"Đội kiểm tra số {number}" for number in (1, 2, 10, 11)
    ]
    options = re.findall(r'<option value="doi-kiem-tra-so-\d+">([^<]+)</option>', html)
    assert options == [f"Đội kiểm tra số {number}" for number in (1, 2, 10, 11)]


def test_every_period_with_data_is_in_the_menu(import_lines, figures, client):
    assert import_lines([line(period="2019-02")], "old.jsonl").ok
    html = client.get(URL).content.decode()
    menu = html.split('id="loc-ky"', 1)[1].split("</select>", 1)[0]
    offered = re.findall(r'<option value="([^"]+)"', menu)
    assert offered == ["12m", "2025", "2025-Q4", "2025-Q3", "2019", "2019-Q1"]


def test_the_current_month_is_marked_provisional(import_lines, client, home, this_month):
    current = this_month.strftime("%Y-%m")
    assert import_lines([line(period=current)]).ok

    html = client.get(URL).content.decode()
    assert f"Số liệu tháng {this_month:%m/%Y} là tạm tính" in html
    body = client.get("/api/statistics/", {"group": "month"}).json()
    assert body["provisional"] is True
    assert [group["provisional"] for group in body["groups"]] == [True]


def test_a_finished_period_is_not_provisional(client, figures):
    html = client.get(URL, {"period": "2025-Q3"}).content.decode()
    assert "tạm tính" not in html
    assert client.get("/api/statistics/", {"to": "2025-10"}).json()["provisional"] is False


def test_every_cell_carries_its_column_label_for_phones(client, figures):
    html = client.get(URL, {"period": "2025-Q3"}).content.decode()
    table = html.split('data-table="co-quan"', 1)[1].split("</table>", 1)[0]
    headings = re.findall(r'<th scope="col" class="\w+">([^<]+)</th>', table)
    for row in re.findall(r"<tr>(<td.*?)</tr>", table):
        assert re.findall(r'data-label="([^"]+)"', row) == headings
