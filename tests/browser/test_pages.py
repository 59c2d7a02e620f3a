"""Every public page type, at phone and desktop widths, in both languages."""

from pathlib import Path

import pytest

from .checks import PAGE_BUDGET, check_page, page_weight
from .conftest import csp_violations

SERVER_ERROR_PAGE = (
    Path(__file__).resolve().parent.parent.parent / "themes" / "default" / "templates" / "500.html"
)

# Pages at fixed addresses: (path, expected status).
FIXED_PAGES = {
    "home-vi": ("/", 200),
    "home-en": ("/en/", 200),
    "not-found-vi": ("/khong-co-trang-nay/", 404),
    "not-found-en": ("/en/no-such-page/", 404),
    "search-vi": ("/tim-kiem/?q=giay+phep", 200),
    "search-en": ("/en/search/?q=water", 200),
    "search-empty-vi": ("/tim-kiem/", 200),
    "search-no-result-vi": ("/tim-kiem/?q=zzqxw", 200),
    "follow-vi": ("/theo-doi/", 200),
    "follow-en": ("/en/theo-doi/", 200),
    "resolved-reports-vi": ("/phan-anh-kien-nghi/da-giai-quyet/", 200),
    "question-form-en": ("/en/gui-cau-hoi/", 200),
    "report-form-en": ("/en/phan-anh-kien-nghi/", 200),
    "tracking-en": ("/en/tra-cuu-ho-so/", 200),
    "statistics-en": ("/en/thong-ke/", 200),
    "search-empty-en": ("/en/search/", 200),
    "access-to-information-vi": ("/tiep-can-thong-tin/", 200),
    "disclosure-dashboard-vi": ("/tiep-can-thong-tin/danh-gia/", 200),
}
# Content pages, found in the demo content by page_urls.py. News has an English edition; legal
# documents and the procedure catalogue are published in Vietnamese only.
BOTH_LANGUAGES = ("news-section", "news-item", "latest-news")
VIETNAMESE_ONLY = ("legal-listing", "legal-detail", "procedure-listing", "procedure-detail",
                   "procedure-print", "procedure-comparison", "special-topic",
                   "leader", "organisation")  # fmt: skip
CONTENT_PAGES = [f"{name}-{language}" for name in BOTH_LANGUAGES for language in ("vi", "en")] + [
    f"{name}-vi" for name in VIETNAMESE_ONLY
]


@pytest.mark.parametrize("name", list(FIXED_PAGES))
def test_fixed_page_is_accessible_light_and_screenshotted(name, tab, portal_url, axe_source):
    path, status = FIXED_PAGES[name]
    response = tab.goto(portal_url + path)
    assert response.status == status
    check_page(tab, axe_source, name)


@pytest.mark.parametrize("name", CONTENT_PAGES)
def test_content_page_is_accessible_light_and_screenshotted(name, tab, portal, axe_source):
    path = portal["pages"].get(name)
    assert path is not None, f"no {name} page in the demo content"
    response = tab.goto(portal["url"] + path)
    assert response.status == 200
    check_page(tab, axe_source, name)


def test_server_error_page_is_accessible_and_screenshotted(tab, portal_url, axe_source):
    """The 500 page needs no context (it must render when nothing else works)."""
    assert "{{" not in SERVER_ERROR_PAGE.read_text(encoding="utf-8")
    response = tab.goto(portal_url + "/_test/server-error/")
    assert response.status == 500
    assert tab.get_by_role("heading", level=1).inner_text() == "Hệ thống đang gặp sự cố"
    check_page(tab, axe_source, "server-error")


def test_procedure_page_is_under_the_weight_budget(tab, portal, axe_source):
    """A procedure page, the heaviest page citizens print and share, stays under 100 KB."""
    path = portal["pages"].get("procedure-detail-vi")
    assert path is not None, "no procedure page in the demo content"
    tab.goto(portal["url"] + path)
    weight = page_weight(tab, "procedure-detail-budget")
    assert weight < PAGE_BUDGET, f"the procedure page weighs {weight / 1024:.1f} KB"
    assert tab.locator("link[rel=stylesheet]").count() == 1


def test_phone_menu_folds_behind_a_button_that_keyboard_users_can_open(browser, portal_url):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.goto(portal_url + "/en/no-such-page/")
    toggle = tab.get_by_role("button", name="Menu")
    search_box = tab.locator("#site-search")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not search_box.is_visible()
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert search_box.is_visible()
    tab.keyboard.press("Escape")
    assert not search_box.is_visible()
    context.close()


def test_skip_link_is_the_first_stop_and_leads_to_the_content(browser, portal_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(portal_url + "/")
    tab.keyboard.press("Tab")
    skip = tab.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => location.hash") == "#main"
    context.close()


def test_the_policy_blocks_an_injected_inline_script_and_the_check_sees_it(tab, portal_url):
    """What makes `check_page`'s CSP assertion mean something: the browser enforces the policy
    and the recorder hears about it."""
    tab.goto(portal_url + "/")
    tab.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.head.appendChild(s); }"
    )
    tab.wait_for_function("() => window.__cspViolations.length > 0")
    assert tab.evaluate("() => window.injected") is None
    assert csp_violations(tab)[0].startswith("script-src-elem blocked inline")
