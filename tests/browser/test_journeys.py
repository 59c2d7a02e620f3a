"""The main journeys of citizens, journalists and editors, walked in the browser on the demo
content. The demo holds every part they walk (procedures, legal documents, news): one missing is
a failure, not a reason to skip."""

import re
from urllib.parse import urljoin

import pytest

from .conftest import EDITOR, VIEWPORTS, csp_violations, open_tab


@pytest.fixture
def desktop(browser):
    """A desktop tab; whatever the journey did, the public pages it ended on blocked nothing."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    tab = open_tab(context)
    yield tab
    blocked = [] if "/admin/" in tab.url else csp_violations(tab)
    context.close()
    assert not blocked, "the Content-Security-Policy blocked:\n" + "\n".join(blocked)


def search_from_home(tab, portal, text):
    tab.goto(portal["url"] + "/")
    # A search box with autocomplete is a combobox (the WAI-ARIA pattern), no longer a searchbox.
    tab.get_by_role("combobox").first.fill(text)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert not tab.title().startswith("Không tìm thấy"), "the search page is a 404"


def test_citizen_finds_a_water_licence_procedure_without_diacritics(desktop, portal):
    assert "procedure-detail-vi" in portal["pages"], "the demo has no procedure detail"
    search_from_home(desktop, portal, "cap giay phep khai thac nuoc")
    results = desktop.locator(".results a")
    assert results.count() > 0, "no result for an unaccented query"

    field = desktop.get_by_label(re.compile("Tài nguyên nước"))
    field.first.check()
    if not re.search(r"field=", desktop.url):
        with desktop.expect_navigation():
            desktop.locator("form.facets, .facets form, form:has(.facets)").first.evaluate(
                "form => form.requestSubmit()"
            )
    assert "field=" in desktop.url
    first = desktop.locator(".results a").first
    assert "giấy phép" in first.inner_text().lower()

    first.click()
    desktop.wait_for_load_state()
    form_link = desktop.locator("a[href*='/documents/']").first
    with desktop.expect_download() as download:
        form_link.click()
    assert download.value.suggested_filename


def test_journalist_follows_replaced_by_from_a_document_number(desktop, portal):
    assert "legal-detail-vi" in portal["pages"], "the demo has no legal detail"
    search_from_home(desktop, portal, "45/2013/qh13")
    first = desktop.locator(".results a").first
    assert "45/2013/QH13" in desktop.locator(".results li").first.inner_text()
    first.click()
    desktop.wait_for_load_state()
    relations = desktop.locator(".legal-relations")
    assert "Bị thay thế bởi" in relations.inner_text()
    relations.get_by_role("link", name="31/2024/QH15").click()
    desktop.wait_for_load_state()
    assert "31/2024/QH15" in desktop.locator("h1, .summary-box").first.inner_text() + (
        desktop.content()
    )


def test_editor_edits_a_news_item_and_submits_it_for_review(desktop, portal):
    assert "news-item-vi" in portal["pages"], "the demo has no news item"
    tab = desktop
    tab.goto(portal["url"] + "/admin/login/")
    tab.get_by_label(re.compile("Tên đăng nhập|Username")).fill(EDITOR["username"])
    tab.get_by_label(re.compile("Mật khẩu|Password")).fill(EDITOR["password"])
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/admin/login/" not in tab.url

    tab.goto(portal["url"] + portal["pages"]["news-item-vi"])
    edit = tab.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    tab.goto(urljoin(tab.url, edit.get_attribute("href")))
    title = tab.locator("#id_title")
    title.fill(title.input_value() + " (cập nhật)")
    tab.locator("[data-w-dropdown-target='toggle']").last.click()
    with tab.expect_navigation():
        # "Submit to …"; Wagtail's Vietnamese admin says "Thực hiện Ban biên tập duyệt".
        tab.get_by_role("button", name=re.compile("Ban biên tập duyệt")).first.click()
    assert tab.locator(".messages").get_by_text(re.compile("gửi|submitted", re.I)).count() > 0


def test_citizen_follows_a_procedure_from_its_page_and_gets_the_confirmation_mail(
    desktop, portal, mailbox
):
    address = "theo-doi-thu-tuc@example.vn"
    desktop.goto(portal["url"] + portal["pages"]["procedure-detail-vi"])
    title = desktop.locator("h1").inner_text()
    with desktop.expect_navigation():
        desktop.get_by_role("link", name="Theo dõi qua thư điện tử").click()
    assert desktop.get_by_role("radio", name="Một thủ tục hoặc văn bản").is_checked()
    desktop.get_by_label("Thư điện tử").fill(address)
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Đăng ký").click()
    assert "Kiểm tra hộp thư của bạn" in desktop.locator("main").inner_text()

    [message] = mailbox.to(address)
    assert mailbox.links(message, "/theo-doi/xac-nhan/")
    desktop.goto(mailbox.links(message, "/theo-doi/xac-nhan/")[0])
    assert title in desktop.locator("main").inner_text()
