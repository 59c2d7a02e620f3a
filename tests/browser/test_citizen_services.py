"""A citizen on a provincial department's home page reaches each citizen service (ask, report,
track a case, statistics, alerts) in at most two steps, on a phone and on a desktop, and every
other page's footer leads there in one."""

import pytest

from .checks import check_page
from .test_agency_sites import site_url

SERVICES = {
    "ask": ("/gui-cau-hoi/", "Gửi câu hỏi"),
    "report": ("/phan-anh-kien-nghi/", "Gửi phản ánh, kiến nghị"),
    "track": ("/tra-cuu-ho-so/", "Tra cứu hồ sơ"),
    "statistics": ("/thong-ke/", "Thống kê giải quyết hồ sơ"),
    "alerts": ("/theo-doi/", "Đăng ký theo dõi"),
}


@pytest.mark.parametrize("service", list(SERVICES))
def test_each_service_is_one_click_from_a_provincial_home_page(tab, portal_url, service):
    home = site_url(portal_url, "hanoi.localhost") + "/"
    path, name = SERVICES[service]
    tab.goto(home)
    link = tab.locator(".home-services").get_by_role("link", name=name, exact=True)
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    with tab.expect_navigation() as navigation:
        link.click()
    assert navigation.value.status == 200
    assert tab.url == site_url(portal_url, "hanoi.localhost") + path
    assert tab.locator("h1").first.is_visible()


def test_the_footer_of_a_news_item_leads_to_every_service(tab, portal, axe_source):
    tab.goto(portal["url"] + portal["pages"]["news-item-vi"])
    footer = tab.get_by_role("navigation", name="Dịch vụ cho người dân")
    for path, name in SERVICES.values():
        link = footer.get_by_role("link", name=name, exact=True)
        link.scroll_into_view_if_needed()
        assert link.is_visible() and link.get_attribute("href") == path
    tab.goto(site_url(portal["url"], "hanoi.localhost") + "/")
    check_page(tab, axe_source, "agency home with services")
