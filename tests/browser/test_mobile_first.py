"""The pages a citizen lands on from a phone, at 390 px and at 1280 px: the search page, a
procedure and both lists. The results (or the procedure's facts) are above the fold on a phone,
nothing scrolls sideways, and axe-core finds nothing serious.

Screenshots go to $SCREENSHOT_DIR when set (else tests/browser/screenshots/, not committed).
"""

import os
from pathlib import Path

import pytest

from .checks import accessibility_violations
from .conftest import SCREENSHOTS, csp_violations, open_tab

WIDTHS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}
# name -> (how to find its address, the first thing a visitor came for)
PAGES = {
    "search": (lambda pages: "/tim-kiem/?q=giay+phep+khai+thac+nuoc", ".search-hit"),
    "procedure": (lambda pages: pages.get("procedure-detail-vi"), ".procedure-summary"),
    "procedure-list": (lambda pages: pages.get("procedure-listing-vi"), ".procedure-list-item"),
    "legal-list": (lambda pages: pages.get("legal-listing-vi"), ".legal-list .card"),
}


def screenshot_path(name, width):
    folder = Path(os.environ.get("SCREENSHOT_DIR") or SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}-{width}.png"


@pytest.fixture(params=list(WIDTHS), ids=[f"{w}px" for w in WIDTHS])
def sized_tab(request, browser, axe_source):
    context = browser.new_context(viewport=WIDTHS[request.param], locale="vi-VN")
    tab = open_tab(context, axe_source)
    tab.width = request.param
    yield tab
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_puts_what_was_asked_first_and_fits_the_screen(name, sized_tab, portal, axe_source):
    tab = sized_tab
    path = PAGES[name][0](portal["pages"])
    assert path is not None, f"no {name} page in the demo content"
    response = tab.goto(portal["url"] + path)
    assert response.status == 200
    tab.wait_for_load_state("load")

    first = tab.locator(PAGES[name][1]).first
    assert first.count() == 1, f"{name}: nothing matches {PAGES[name][1]}"
    top = first.evaluate("element => element.getBoundingClientRect().top + window.scrollY")
    height = WIDTHS[tab.width]["height"]
    assert top < height, f"{name}: the first result starts at {top:.0f} px, below the fold"

    overflow = tab.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px"
    tab.screenshot(path=str(screenshot_path(name, tab.width)), full_page=True)
    assert csp_violations(tab) == []
    violations = accessibility_violations(tab, axe_source)
    assert not violations, f"{name}: axe-core found:\n" + "\n".join(violations)


def test_phone_filters_open_from_the_button_and_chips_remove_them(browser, portal):
    context = browser.new_context(viewport=WIDTHS["390"], locale="vi-VN")
    tab = open_tab(context)
    try:
        tab.goto(portal["url"] + "/tim-kiem/?q=giay+phep")
        filters = tab.locator("#search-filters")
        button = tab.get_by_role("button", name="Bộ lọc")
        assert not filters.is_visible()
        assert button.get_attribute("aria-expanded") == "false"

        button.click()
        assert filters.is_visible()
        assert button.get_attribute("aria-expanded") == "true"
        option = filters.locator("input[name=kind]").first
        option.check()
        with tab.expect_navigation():
            filters.get_by_role("button", name="Lọc", exact=True).click()

        chip = tab.locator(".chips .chip").first
        assert "Bỏ lọc" in chip.inner_text()
        assert "kind=" in tab.url
        with tab.expect_navigation():
            chip.click()
        assert "kind=" not in tab.url
        assert tab.locator(".chips").count() == 0
    finally:
        context.close()


def test_desktop_shows_the_filters_beside_the_results_without_a_button(browser, portal):
    context = browser.new_context(viewport=WIDTHS["1280"], locale="vi-VN")
    tab = open_tab(context)
    try:
        tab.goto(portal["url"] + "/tim-kiem/?q=giay+phep")
        filters = tab.locator("#search-filters")
        results = tab.locator(".search-results")
        assert filters.is_visible()
        assert not tab.locator("[data-filters-toggle]").is_visible()
        # Beside, not above or below: the filters' column is left of the results.
        assert (
            filters.bounding_box()["x"] + filters.bounding_box()["width"]
            <= (results.bounding_box()["x"])
        )
    finally:
        context.close()
