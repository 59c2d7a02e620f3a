"""A citizen sends a pollution report with a photo through the plain HTML form (answering the
server's check question), gets a tracking code, and follows the report by that code."""

import re

from PIL import Image

from .checks import check_page


def solve(tab):
    label = tab.locator("label[for='id_challenge_answer']").inner_text()
    first, second = re.search(r"(\d+) cộng (\d+)", label).groups()
    tab.fill("#id_challenge_answer", str(int(first) + int(second)))


def test_citizen_reports_pollution_and_follows_it_by_code(tab, portal, axe_source, tmp_path):
    photo = tmp_path / "nuoc-thai.jpg"
    Image.new("RGB", (320, 240), (40, 40, 40)).save(photo, "JPEG")

    tab.goto(portal["url"] + "/phan-anh-kien-nghi/")
    check_page(tab, axe_source, "engagement-report-form")
    tab.select_option("#id_category", "water")
    tab.select_option("#id_province", "Đồng Nai")
    tab.fill("#id_district", "Biên Hòa")
    tab.fill("#id_address", "Bờ sông Đồng Nai")
    tab.fill("#id_description", "Nước thải màu đen xả ra sông vào ban đêm, bốc mùi hôi.")
    tab.set_input_files("#id_photos", str(photo))
    tab.fill("#id_name", "Lê Văn Cường")
    tab.fill("#id_email", "le.van.cuong@example.vn")
    tab.check("#id_consent")
    solve(tab)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Gửi phản ánh").click()

    code = tab.locator(".tracking-code").inner_text()
    assert re.fullmatch(r"PA-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert "Đã tiếp nhận" in tab.locator(".tracking-status").inner_text()
    assert "le.van.cuong@example.vn" not in tab.content()
    check_page(tab, axe_source, "engagement-tracking")

    tab.goto(portal["url"] + "/tra-cuu-ho-so/")
    tab.fill("#tracking-code", code.lower().replace("-", ""))
    with tab.expect_navigation():
        tab.get_by_role("button", name="Tra cứu").click()
    assert tab.locator(".tracking-code").inner_text() == code
    assert tab.locator(".tracking-history li").count() == 1


def test_a_wrong_code_is_said_plainly(tab, portal):
    tab.goto(portal["url"] + "/tra-cuu-ho-so/?code=PA-0000-0000")
    assert "Không tìm thấy" in tab.locator("[role=alert]").inner_text()


def test_answers_listing_answer_and_question_form_pass_the_page_checks(tab, portal, axe_source):
    tab.goto(portal["url"] + "/hoi-dap/")
    check_page(tab, axe_source, "engagement-answers")
    with tab.expect_navigation():
        tab.locator(".answer-list a").first.click()
    assert tab.locator(".answer-text").inner_text()
    check_page(tab, axe_source, "engagement-answer")
    tab.goto(portal["url"] + "/gui-cau-hoi/")
    check_page(tab, axe_source, "engagement-question-form")
