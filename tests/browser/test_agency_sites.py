"""Per-site theme in a real browser: Hà Nội's and Đà Nẵng's demo sites (hanoi.localhost,
danang.localhost, which Chromium resolves to the machine itself) show their own name and
colours within the one theme, and stay accessible (axe-core, AA contrast included)."""

from urllib.parse import urlsplit

import pytest

from .checks import check_page

SITES = {
    "hanoi": ("hanoi.localhost", "Sở Nông nghiệp và Môi trường Hà Nội", "rgb(18, 69, 31)"),
    "danang": ("danang.localhost", "Sở Nông nghiệp và Môi trường Đà Nẵng", "rgb(0, 63, 71)"),
    "ministry": ("127.0.0.1", "Bộ Nông nghiệp và Môi trường", "rgb(7, 55, 99)"),
}
HEADER = "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"


def site_url(portal_url, hostname):
    return f"http://{hostname}:{urlsplit(portal_url).port}"


@pytest.mark.parametrize("site", list(SITES))
def test_each_site_has_its_name_and_colours_and_stays_accessible(site, tab, portal_url, axe_source):
    hostname, name, header_colour = SITES[site]
    response = tab.goto(site_url(portal_url, hostname) + "/")
    assert response.status == 200
    assert tab.locator(".site-name").inner_text().strip() == name
    assert tab.evaluate(HEADER) == header_colour
    check_page(tab, axe_source, f"agency home {site}")


def test_a_provincial_news_listing_shows_its_own_news_only(tab, portal_url, axe_source):
    tab.goto(site_url(portal_url, "danang.localhost") + "/tin-tuc/")
    listing = tab.locator("main").inner_text()
    assert "Đà Nẵng bảo vệ rạn san hô" in listing
    assert "Hà Nội ra quân" not in listing
    check_page(tab, axe_source, "agency news listing")
