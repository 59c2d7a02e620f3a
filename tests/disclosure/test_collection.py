"""The "công khai" collection: documents imported as `kind: disclosure` (category, period,
attachments) feed the disclosure section items that had no home; a line without category or
period is refused, naming its line and field, while the good lines are imported."""

import re
from io import StringIO

import pytest

from django.core.management import call_command

from portal.disclosure.models import DisclosureDocumentPage

pytestmark = pytest.mark.django_db

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
