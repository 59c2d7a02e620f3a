"""A procedure page with processing records shows how its dossiers were handled over the last
twelve months; one without records shows nothing."""

import pytest

from portal.procedures.factories import ProcedurePageFactory

from .conftest import line

pytestmark = pytest.mark.django_db


def test_a_procedure_page_shows_its_on_time_badge(client, import_lines, home):
    page = ProcedurePageFactory(code="1.012756", name="Đăng ký đất đai lần đầu")
    other = ProcedurePageFactory(code="1.004232", name="Cấp giấy phép khai thác nước")
    report = import_lines(
        [
            line(procedure="1.012756", period="2025-09", received=900, resolved_on_time=790,
                 resolved_late=10),
            line(procedure="1.012756", period="2025-10", received=820, agency="Sở khác",
                 resolved_on_time=788, resolved_late=14),
            line(procedure="1.012756", period="2024-01", received=50, resolved_on_time=0,
                 resolved_late=50),  # more than twelve months before the latest: not counted
        ]
    )  # fmt: skip
    assert report.ok, report.errors

    html = client.get(page.url).content.decode()

    # (790 + 788) / (800 + 802) = 98.5 %, of 1,602 resolved dossiers.
    assert "98,5% hồ sơ đúng hạn trong 12 tháng qua (1.602 hồ sơ)" in html
    assert 'href="/thong-ke/?procedure=1.012756"' in html
    assert "processing-badge" not in client.get(other.url).content.decode()


def test_a_new_import_refreshes_the_badge_of_a_served_page(
    client, import_lines, home, content_cache
):
    page = ProcedurePageFactory(code="1.012756", name="Đăng ký đất đai lần đầu")
    import_lines([line(procedure="1.012756", period="2025-09", received=10, resolved_on_time=10)])
    assert "hồ sơ đúng hạn trong 12 tháng qua (10 hồ sơ)" in client.get(page.url).content.decode()

    import_lines([line(procedure="1.012756", period="2025-10", received=10, resolved_late=10)])

    # The import wrote to the content event log: the remembered badge is computed again.
    assert "hồ sơ đúng hạn trong 12 tháng qua (20 hồ sơ)" in client.get(page.url).content.decode()
