"""A journalist opens the processing statistics, narrows them to one field and one quarter with
the plain HTML form (no JavaScript needed), and finds each chart's numbers in the table beside
it; the procedure page of a demo procedure shows its on-time badge."""

from .checks import check_page
from .conftest import VIEWPORTS, open_tab


def test_journalist_filters_the_statistics_dashboard(tab, portal, axe_source):
    tab.goto(portal["url"] + "/thong-ke/")
    assert tab.locator("h1").inner_text() == "Thống kê giải quyết thủ tục hành chính"
    check_page(tab, axe_source, "statistics-dashboard")

    tab.select_option("#loc-linh-vuc", label="Đất đai")
    quarter = tab.locator("#loc-ky option").nth(2).get_attribute("value")  # the latest quarter
    tab.select_option("#loc-ky", quarter)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Xem số liệu").click()

    assert "field=dat-dai" in tab.url and f"period={quarter}" in tab.url
    fields = tab.locator("table[data-table='linh-vuc'] tbody tr")
    assert fields.count() == 1 and "Đất đai" in fields.inner_text()
    months = tab.locator("table[data-table='theo-thang'] tbody tr")
    assert 1 <= months.count() <= 3
    assert tab.locator("svg[aria-labelledby='bieu-do-theo-thang-title'] rect").count() == (
        months.count()
    )
    check_page(tab, axe_source, "statistics-dashboard-filtered")


def test_a_demo_procedure_page_shows_its_badge(tab, portal):
    tab.goto(portal["url"] + portal["pages"]["procedure-detail-vi"])

    badge = tab.locator(".processing-badge a")
    assert "hồ sơ đúng hạn trong 12 tháng qua" in badge.inner_text()
    with tab.expect_navigation():
        badge.click()
    assert "/thong-ke/?procedure=" in tab.url
    assert tab.locator("table[data-table='chi-so']").count() == 1


def test_on_a_phone_the_statistics_tables_keep_their_column_labels(browser, portal):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="vi-VN")
    tab = open_tab(context)
    tab.goto(portal["url"] + "/thong-ke/")
    cell = tab.locator("table[data-table='co-quan'] tbody tr").first.locator("td").nth(5)
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    context.close()
    assert label == '"Đúng hạn"'
