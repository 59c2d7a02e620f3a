"""The search-analytics CSV holds what the public typed: a query that looks like a spreadsheet
formula is written as text, never run when an editor opens the file."""

import csv
import io

import pytest

from django.contrib.auth.models import User

from .test_analytics import indexed  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","bam")', "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "+1"]


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
@pytest.mark.usefixtures("indexed")
def test_no_exported_cell_is_a_formula(client):
    for query in FORMULAS:
        client.get("/api/search/", {"q": query})
    client.force_login(User.objects.create_superuser("quan-tri", "qt@example.gov.vn", "x"))

    export = client.get("/admin/search-analytics/", {"format": "csv"}).content.decode()

    cells = [cell for row in csv.reader(io.StringIO(export)) for cell in row]
    assert any("hyperlink" in cell.lower() for cell in cells)
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
