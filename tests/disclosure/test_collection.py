"""The "công khai" collection: documents imported as `kind: disclosure` (category, period,
attachments) feed the disclosure section items that had no home; a line without category or
period is refused, naming its line and field, while the good lines are imported."""

import datetime
import re
from io import StringIO

import pytest

from django.core.management import call_command

from portal.disclosure.models import DisclosureDocumentPage
from portal.engagement.models import Rating
from portal.news.models import NewsPage

pytestmark = pytest.mark.django_db

DASHBOARD = "/tiep-can-thong-tin/danh-gia/"

BUDGET = {
    "kind": "disclosure",
    "slug": "du-toan-ngan-sach-2026",
    "title": "Công khai dự toán ngân sách năm 2026",
    "category": "budget",
    "period": "2026",
    "attachments": [{"title": "Dự toán 2026", "url": "https://example.gov.vn/du-toan-2026.pdf"}],
}


def run_import(path):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, err.getvalue()


def row(html, key):
    return re.search(rf'<tr id="{key}">(.*?)</tr>', html, re.S).group(1)


def test_an_imported_budget_disclosure_fills_the_budget_item_and_bad_lines_name_their_field(
    client, home, jsonl
):
    no_category = {key: value for key, value in BUDGET.items() if key != "category"}
    no_period = {**BUDGET, "slug": "khac", "period": ""}
    path = jsonl(
        [BUDGET, {**no_category, "slug": "a"}, no_period, {**BUDGET, "slug": "b", "period": "26"}]
    )

    status, err = run_import(path)

    assert status != 0
    assert f"{path}:2: category" in err
    assert f"{path}:3: period" in err
    assert f"{path}:4: period" in err
    assert list(DisclosureDocumentPage.objects.values_list("slug", flat=True)) == [BUDGET["slug"]]
    section = client.get("/tiep-can-thong-tin/").content.decode()
    budget = row(section, "budget")
    url = re.search(r'<a href="([^"]+)">', budget).group(1)
    assert url.endswith("#budget")
    listing = client.get(url.split("#")[0]).content.decode()
    assert 'id="budget"' in listing and BUDGET["title"] in listing
    document = client.get(DisclosureDocumentPage.objects.get().url).content.decode()
    assert "https://example.gov.vn/du-toan-2026.pdf" in document
    assert "Chưa công bố" in row(section, "investment")


def test_a_disclosure_published_past_its_deadline_is_late_in_the_section_and_the_dashboard(
    client, home, jsonl
):
    on_time = {**BUDGET, "created": datetime.date.today().isoformat()}
    assert run_import(jsonl([on_time]))[0] == 0
    budget = row(client.get("/tiep-can-thong-tin/").content.decode(), "budget")
    assert "Đúng hạn" in budget
    ministry = client.get(DASHBOARD, {"format": "json"}).json()["agencies"][0]
    assert ministry["late"] == 0

    # A budget report signed in January, put on the portal today: months after 5 working days.
    late = {**BUDGET, "slug": "quyet-toan-2025", "period": "2025", "created": "2026-01-05"}
    assert run_import(jsonl([late]))[0] == 0

    budget = row(client.get("/tiep-can-thong-tin/").content.decode(), "budget")
    assert "1 nội dung đăng quá 5 ngày làm việc" in budget
    ministry = client.get(DASHBOARD, {"format": "json"}).json()["agencies"][0]
    assert ministry["late"] == 1
    assert ministry["late_items"] == ["Dự toán, tình hình thực hiện, quyết toán ngân sách"]


def test_the_dashboard_counts_the_sites_ratings(client, home):
    page = home.add_child(instance=NewsPage(title="Tin", slug="tin", lead="Tin"))
    Rating.objects.create(page=page, helpful=True, rater="a")
    Rating.objects.create(page=page, helpful=False, rater="b")
    Rating.objects.create(page=page, helpful=True, rater="c")

    ministry = client.get(DASHBOARD, {"format": "json"}).json()["agencies"][0]

    assert (ministry["helpful"], ministry["unhelpful"]) == (2, 1)


def test_the_dashboard_is_in_the_admin_reports(admin_client, home, jsonl):
    assert run_import(jsonl([BUDGET]))[0] == 0

    html = admin_client.get("/admin/tiep-can-thong-tin/danh-gia/").content.decode()

    assert "Đánh giá công khai thông tin" in html and "Mục quá hạn" in html
    assert "Dự toán, tình hình thực hiện, quyết toán ngân sách" not in html.split("<tbody>")[1]
    assert "Đầu tư công, mua sắm công" in html.split("<tbody>")[1]
