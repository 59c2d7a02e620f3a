"""On a phone, a citizen files a request for information through the plain HTML form (answering
the server's check question), gets a tracking code and its due date, and follows it by that code
from the public register, where the demo's late request shows as late."""

import re

from .checks import check_page
from .conftest import VIEWPORTS, open_tab
from .test_engagement import solve


def test_a_citizen_files_a_request_and_follows_it_by_code_on_a_phone(browser, portal, axe_source):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="vi-VN")
    tab = open_tab(context, axe_source)
    tab.viewport_name = "phone"
    try:
        tab.goto(portal["url"] + "/yeu-cau-cung-cap-thong-tin/gui/")
        check_page(tab, axe_source, "information-request-form")
        tab.fill("#id_name", "Phạm Thị Hoa")
        tab.fill("#id_address", "Số 5 ngõ 12 phố Kim Mã")
        tab.select_option("#id_province", "Hà Nội")
        tab.fill("#id_identity_number", "001190054321")
        tab.fill("#id_email", "pham.thi.hoa@example.vn")
        tab.fill("#id_subject", "Quyết định giao đất dự án Tây Hồ Tây")
        tab.fill("#id_text", "Bản sao quyết định giao đất và bản đồ ranh giới dự án.")
        tab.select_option("#id_delivery", "email")
        tab.fill("#id_purpose", "Gia đình tôi có đất gần ranh giới dự án.")
        tab.check("#id_consent")
        solve(tab)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Gửi yêu cầu").click()

        code = tab.locator(".tracking-code").inner_text()
        assert re.fullmatch(r"YC-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
        assert "Đã tiếp nhận" in tab.locator(".tracking-status").inner_text()
        assert re.search(r"\d\d/\d\d/\d{4}", tab.locator(".tracking-deadline").inner_text())
        assert "001190054321" not in tab.content() and "Phạm Thị Hoa" not in tab.content()
        check_page(tab, axe_source, "information-request-tracking")

        tab.goto(portal["url"] + "/yeu-cau-cung-cap-thong-tin/")
        check_page(tab, axe_source, "information-request-register")
        late = tab.locator(".information-request", has_text="Bảng giá đất áp dụng")
        assert "quá hạn" in late.inner_text()
        tab.fill("#tracking-code", code.lower().replace("-", " "))
        with tab.expect_navigation():
            tab.get_by_role("button", name="Tra cứu").click()
        assert tab.locator(".tracking-code").inner_text() == code
        assert tab.locator(".tracking-history li").count() == 1
        assert tab.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    finally:
        context.close()
