"""A citizen sends a pollution report with a photo through the plain HTML form (answering the
server's check question), gets a tracking code, and follows the report by that code; a reader
keeping an online exchange open sees a newly approved answer appear without reloading."""

import os
import re
import subprocess
import sys
import uuid

from PIL import Image

from .checks import check_page
from .conftest import ROOT


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
    tab.fill("#id_commune", "Phường Trấn Biên")
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


APPROVE_NEW_ANSWER = """
from django.contrib.auth import get_user_model
from portal.engagement import answering, codes
from portal.engagement.models import ExchangePage, Question

exchange = ExchangePage.objects.live().get()
question = Question.objects.create(
    code=codes.unique_code(Question, codes.QUESTION), province="Hà Nội", exchange=exchange,
    title={title!r}, text="Hỏi?", public_text="Hỏi?", answer={answer!r},
)
board = get_user_model().objects.filter(is_superuser=True).first()
page = answering.submit_answer(question, board)
for _ in range(5):
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is None:
        break
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, board, "approve")
"""


def approve_in_the_portal(tmp_path_factory, title, answer):
    """The board approves an answer at the exchange, in the running portal's database."""
    # The portal fixture's folder ("portal0", and its "portalcurrent" link).
    [database] = {
        path.resolve() for path in tmp_path_factory.getbasetemp().glob("portal*/db.sqlite3")
    }
    folder = database.parent
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(folder / "media"),
        "SEARCH_INDEX_DIR": str(folder / "search-index"),
    }
    code = APPROVE_NEW_ANSWER.format(title=title, answer=answer)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def test_an_answer_approved_during_the_exchange_appears_without_reloading(
    tab, portal, axe_source, tmp_path_factory
):
    tab.goto(portal["url"] + "/giao-luu-truc-tuyen-luat-dat-dai/")
    check_page(tab, axe_source, "engagement-exchange")
    answers = tab.locator("#exchange-answers .exchange-answer")
    before = answers.count()
    assert before >= 1, "the demo exchange has an approved answer"
    tab.evaluate("() => { window.__sameDocument = true; }")

    title = f"Câu hỏi mới tại buổi giao lưu {uuid.uuid4().hex[:8]}"
    approve_in_the_portal(tmp_path_factory, title, "Câu trả lời vừa được Ban biên tập duyệt.")

    new = tab.locator("#exchange-answers .exchange-answer", has_text=title)
    new.wait_for(timeout=45_000)  # the page polls its feed every 10 s
    assert "vừa được Ban biên tập duyệt" in new.inner_text()
    assert answers.count() == before + 1
    assert tab.evaluate("() => window.__sameDocument === true"), "the page was not reloaded"


def test_a_refused_report_keeps_its_text_and_moves_focus_to_the_summary(tab, portal):
    tab.goto(portal["url"] + "/phan-anh-kien-nghi/")
    tab.select_option("#id_category", "water")
    tab.fill("#id_address", "Bờ sông Đồng Nai")
    tab.fill("#id_description", "Nước thải màu đen xả ra sông vào ban đêm, bốc mùi hôi.")
    tab.fill("#id_email", "khong-phai-email")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Gửi phản ánh").click()

    focused = tab.evaluate("() => document.activeElement.className")
    assert focused == "error-summary"
    summary = tab.locator(".error-summary")
    assert summary.is_visible()
    assert tab.input_value("#id_description").startswith("Nước thải màu đen")
    assert tab.input_value("#id_address") == "Bờ sông Đồng Nai"
    summary.get_by_role("link", name=re.compile("Thư điện tử")).click()
    assert tab.evaluate("() => document.activeElement.id") == "id_email"
