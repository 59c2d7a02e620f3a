"""The public dashboard: headline figures, months, rankings and slowest procedures as tables
beside their SVG charts; filters in the URL; CSV and JSON downloads of exactly the tables shown;
a bad filter is a 400 page; an empty period says so; engagement figures on the same page."""

import csv
import datetime
import io
import re
from html.parser import HTMLParser

import pytest

from portal.engagement.factories import QuestionFactory
from portal.engagement.models import Question

from .conftest import line
from .fixtures import processing_lines, publish_procedures

pytestmark = pytest.mark.django_db

URL = "/thong-ke/"
PERIOD = {"period": "2025-Q3"}  # August and September of the set


@pytest.fixture
def figures(import_lines, home):
    publish_procedures()
    report = import_lines(processing_lines())
    assert report.ok, report.errors


class Tables(HTMLParser):
    """Each statistics table of a page: its id, heading row and body rows, as text."""

    def __init__(self):
        super().__init__()
        self.tables, self._row, self._cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-table" in attrs:
            self._current = self.tables.setdefault(attrs["data-table"], [])
        elif tag == "tr" and hasattr(self, "_current"):
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._current.append(self._row)
            self._row = None
        elif tag == "table" and hasattr(self, "_current"):
            del self._current

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def tables_of(response):
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def as_shown(value):
    """A downloaded value written as the Vietnamese page writes it."""
    if value == "":
        return "—"
    if re.fullmatch(r"\d+\.\d", value):
        return value.replace(".", ",") + "%"
    if re.fullmatch(r"\d+", value):
        return f"{int(value):,}".replace(",", ".")
    return value


def test_dashboard_shows_each_table_beside_its_chart(client, figures):
    response = client.get(URL, PERIOD)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Thống kê giải quyết thủ tục hành chính" in html
    for table_id in ("chi-so", "theo-thang", "co-quan", "linh-vuc", "thu-tuc-cham-nhat"):
        assert f'data-table="{table_id}"' in html
    for chart in ("theo-thang", "co-quan", "linh-vuc", "thu-tuc-cham-nhat"):
        assert f'<svg class="chart" role="img" aria-labelledby="bieu-do-{chart}-title"' in html
    tables = tables_of(response)
    assert [row[0] for row in tables["theo-thang"][1:]] == ["08/2025", "09/2025"]
    # Hà Nội resolves a larger share on time than Huế, so it ranks first.
    assert [row[1] for row in tables["co-quan"][1:]] == [
        "Sở Nông nghiệp và Môi trường Hà Nội",
        "Sở Nông nghiệp và Môi trường Huế",
    ]
    headline = {row[0]: row[1:] for row in tables["chi-so"][1:]}
    # Received: Hà Nội 40+47+54 (+1 in September each), Huế 15+22+29 (+1), two months.
    assert headline["Hồ sơ tiếp nhận"][0] == str(141 + 144 + 66 + 69)


def test_the_downloads_hold_exactly_the_tables_shown(client, figures):
    shown = tables_of(client.get(URL, PERIOD))

    download = client.get(URL, {**PERIOD, "format": "csv"})
    assert download["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert "CC BY 4.0" in rows[0][0]
    downloaded, table = {}, None
    captions = {"Chỉ số chung": "chi-so", "Theo tháng": "theo-thang",
                "Xếp hạng cơ quan": "co-quan", "Xếp hạng lĩnh vực": "linh-vuc",
                "Thủ tục có tỷ lệ đúng hạn thấp nhất": "thu-tuc-cham-nhat",
                "Hỏi đáp, phản ánh, kiến nghị": "hoi-dap-phan-anh"}  # fmt: skip
    for row in rows[1:]:
        if len(row) == 1 and row[0] in captions:
            table = downloaded.setdefault(captions[row[0]], [])
        elif row:
            table.append([as_shown(value) for value in row])
    assert downloaded == shown

    data = client.get(URL, {**PERIOD, "format": "json"}).json()
    assert "CC BY 4.0" in data["licence"]
    by_id = {table["id"]: table for table in data["tables"]}
    assert set(by_id) == set(shown)
    for table_id, table in by_id.items():
        assert table["columns"] == shown[table_id][0]
        values = [["" if value is None else str(value) for value in row] for row in table["rows"]]
        assert [[as_shown(value) for value in row] for row in values] == shown[table_id][1:]


def test_filters_in_the_url_narrow_every_table(client, figures):
    response = client.get(URL, {**PERIOD, "province": "Huế", "field": "dat-dai"})

    tables = tables_of(response)
    assert [row[1] for row in tables["co-quan"][1:]] == ["Sở Nông nghiệp và Môi trường Huế"]
    assert [row[1] for row in tables["linh-vuc"][1:]] == ["Đất đai"]
    assert [row[0] for row in tables["thu-tuc-cham-nhat"][1:]] == ["1.012756"]
    assert '<option value="dat-dai" selected>' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"period": "2025-Q5"}, {"period": "năm ngoái"}, {"agency": "khong-co"},
     {"field": "khong-co"}, {"format": "xlsx"}, {"procedure": "9.999999"}],
)  # fmt: skip
def test_a_bad_filter_gets_a_400_page(client, figures, query):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_a_period_without_data_says_so(client, figures):
    response = client.get(URL, {"period": "2019"})

    assert response.status_code == 200
    assert "Chưa có số liệu cho kỳ và bộ lọc đã chọn." in response.content.decode()
    assert "data-table" not in response.content.decode()


def test_the_dashboard_in_english(client, figures):
    response = client.get("/en" + URL, PERIOD)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Statistics of administrative procedure processing" in html
    assert re.search(r"\d+\.\d%", html)  # 98.5%, the English way


def test_engagement_figures_are_on_the_dashboard(client, figures):
    asked = QuestionFactory(status="answered")
    QuestionFactory()
    Question.objects.update(created_at=datetime.datetime(2025, 8, 5, 9, tzinfo=datetime.UTC))
    Question.objects.filter(pk=asked.pk).update(
        answered_at=datetime.datetime(2025, 8, 9, 9, tzinfo=datetime.UTC)
    )

    rows = {row[0]: row[1] for row in tables_of(client.get(URL, PERIOD))["hoi-dap-phan-anh"][1:]}

    assert rows["Câu hỏi nhận được"] == "2"
    assert rows["Câu hỏi đã trả lời"] == "1"
    assert rows["Phản ánh, kiến nghị nhận được"] == "0"
    assert rows["Số ngày trả lời (trung vị)"] == "4,0"


def test_an_imported_name_that_looks_like_a_formula_is_text_in_the_csv(client, import_lines):
    import_lines([line(agency='=HYPERLINK("http://evil.example","Sở")', period="2025-08")])

    download = client.get(URL, {**PERIOD, "format": "csv"}).content.decode()

    cells = [cell for row in csv.reader(io.StringIO(download)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
