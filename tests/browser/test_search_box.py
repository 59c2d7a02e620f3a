"""The search box's autocomplete in the browser: a WAI-ARIA combobox that leaves the field to
the user and to the input method while Vietnamese is composed (Telex, VNI).

Composition is real: Chromium's DevTools protocol drives its input-method machinery
(`Input.imeSetComposition`, then `Input.insertText` to commit), which fires compositionstart,
compositionupdate, compositionend and the input events a Telex keyboard produces.
"""

import re

import pytest

from .conftest import VIEWPORTS, open_tab

# "cấp giấy phép khai thác nước" as Telex composes it: each word passes through the states an
# input method shows (marks added as keys arrive) before it is committed.
TELEX_WORDS = [
    ["c", "ca", "câ", "cấ", "cấp"],
    ["g", "gi", "gia", "giâ", "giây", "giấy"],
    ["p", "ph", "phe", "phê", "phếp", "phép"],
    ["k", "kh", "kha", "khai"],
    ["t", "th", "tha", "thá", "thác"],
    ["n", "nu", "nư", "nươ", "nươc", "nước"],
]
TYPED = " ".join(states[-1] for states in TELEX_WORDS)

# Runs before the page's scripts: notes every suggestion request made while a composition is
# open, and every change of the field's value that no input event explains.
WATCHER = """
window.__composing = false;
window.__requestsWhileComposing = [];
window.__suggestRequests = 0;
document.addEventListener("compositionstart", () => { window.__composing = true; }, true);
document.addEventListener("compositionend", () => { window.__composing = false; }, true);
const originalFetch = window.fetch;
window.fetch = function (url, options) {
  if (String(url).includes("/suggest/")) {
    window.__suggestRequests += 1;
    if (window.__composing) window.__requestsWhileComposing.push(String(url));
  }
  return originalFetch.call(this, url, options);
};
"""


@pytest.fixture
def phone_tab(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.add_init_script(WATCHER)
    tab = open_tab(context)
    yield tab
    context.close()


def compose(tab, cdp, states, pause_ms):
    """One word through the input method: its composition states, then committed."""
    for state in states:
        cdp.send(
            "Input.imeSetComposition",
            {"text": state, "selectionStart": len(state), "selectionEnd": len(state)},
        )
        # Longer than the autocomplete's debounce: a timer left running would fire now.
        tab.wait_for_timeout(pause_ms)
    cdp.send("Input.insertText", {"text": states[-1]})


def type_with_telex(tab, field, pause_ms=300):
    field.click()
    cdp = tab.context.new_cdp_session(tab)
    for position, states in enumerate(TELEX_WORDS):
        if position:
            cdp.send("Input.insertText", {"text": " "})
        compose(tab, cdp, states, pause_ms)


def test_telex_composition_in_the_header_box_is_never_disturbed(phone_tab, portal):
    tab = phone_tab
    # An inner page: its header holds the search box (the home page has its own, larger one).
    tab.goto(portal["url"] + portal["pages"]["procedure-listing-vi"])
    field = tab.locator("#site-search")
    if not field.is_visible():
        tab.get_by_role("button", name="Danh mục").click()
    before = field.bounding_box()["width"]

    type_with_telex(tab, field)

    assert field.input_value() == TYPED
    assert field.evaluate("f => [f.selectionStart, f.selectionEnd]") == [len(TYPED), len(TYPED)]
    assert tab.evaluate("() => window.__requestsWhileComposing") == []
    # Once the words are committed the suggestions come, under the field, which keeps its width.
    listbox = tab.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert listbox.get_by_role("option").count() > 0
    assert field.get_attribute("aria-expanded") == "true"
    assert field.bounding_box()["width"] == before
    assert field.input_value() == TYPED


def test_search_page_combobox_is_keyboard_operable(browser, portal_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="vi-VN")
    tab = open_tab(context)
    try:
        tab.goto(portal_url + "/tim-kiem/")
        field = tab.get_by_role("combobox", name="Từ khóa")
        field.click()
        field.press_sequentially("giấy phép khai thác")
        listbox = tab.get_by_role("listbox")
        listbox.wait_for(state="visible")
        options = listbox.get_by_role("option")
        assert field.get_attribute("aria-controls") == listbox.get_attribute("id")

        field.press("ArrowDown")
        first = options.first
        assert first.get_attribute("aria-selected") == "true"
        assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
        # Moving through the options never rewrites what the user typed.
        assert field.input_value() == "giấy phép khai thác"
        assert tab.evaluate("() => document.activeElement.id") == "search-q"

        field.press("Escape")
        assert not listbox.is_visible()
        assert field.get_attribute("aria-expanded") == "false"
        assert field.input_value() == "giấy phép khai thác"

        field.press("Backspace")
        listbox.wait_for(state="visible")
        field.press("ArrowDown")
        title = options.first.inner_text()
        with tab.expect_navigation():
            field.press("Enter")
        assert "/tim-kiem/" not in tab.url
        assert title.split(" (")[0][:30] in tab.locator("h1").inner_text()
    finally:
        context.close()


def test_offline_typing_shows_no_list_and_keeps_the_text(phone_tab, portal_url):
    tab = phone_tab
    tab.goto(portal_url + "/tim-kiem/")
    tab.context.set_offline(True)
    field = tab.locator("#search-q")

    type_with_telex(tab, field, pause_ms=0)
    field.press("End")

    assert field.input_value() == TYPED
    assert not tab.get_by_role("listbox").is_visible()
    # Without a connection no request was even tried.
    assert tab.evaluate("() => window.__suggestRequests") == 0
    tab.context.set_offline(False)


def test_enter_without_a_highlighted_option_submits_the_search(phone_tab, portal_url):
    tab = phone_tab
    tab.goto(portal_url + "/tim-kiem/")
    field = tab.locator("#search-q")
    field.fill("giấy phép")
    with tab.expect_navigation():
        field.press("Enter")
    assert re.search(r"[?&]q=gi%E1%BA%A5y", tab.url)
