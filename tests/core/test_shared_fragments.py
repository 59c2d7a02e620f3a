"""What every public page repeats (site, home, routing, menus, language alternates,
breadcrumbs, agency settings) is remembered until content changes (portal.core.content_cache):
a page's queries do not grow with its menu, translations or ancestors, a change published the
real way shows on the next request, and private pages and drafts stay unserved."""

import pytest

from wagtail.log_actions import log
from wagtail.models import Locale, PageViewRestriction

from portal.core.models import AgencySettings
from portal.core.site_structure import ensure_section
from portal.news.factories import NewsPageFactory
from portal.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def publish(parent, **fields):
    page = parent.add_child(instance=NewsPageFactory.build(**fields))
    page.save_revision().publish()
    return page


def add_sections(count, start=0):
    for number in range(start, start + count):
        ensure_section(NewsIndexPage, slug=f"muc-{number}", title=f"Mục {number}")


def url_of(page):
    return page.get_url()


@pytest.fixture
def section(home):
    section = ensure_section(NewsIndexPage, slug="tin-hoat-dong", title="Tin hoạt động")
    publish(section, slug="tin-dau", title="Tin đầu")
    return section


def item_queries(page_queries, section, slug):
    page = publish(section, slug=slug, title=f"Tin {slug}")
    _response, queries = page_queries(url_of(page), warm_up=url_of(section) + "tin-dau/")
    return queries


def test_chrome_queries_do_not_grow_with_menu_sections(page_queries, section):
    add_sections(1)
    few = item_queries(page_queries, section, "it-muc")
    add_sections(15, start=1)
    many = item_queries(page_queries, section, "nhieu-muc")
    assert len(many) == len(few), "\n".join(many)


def test_chrome_queries_do_not_grow_with_translations(page_queries, section, english_home):
    alone = item_queries(page_queries, section, "mot-ngon-ngu")
    page = publish(section, slug="hai-ngon-ngu", title="Tin hai ngôn ngữ")
    translation = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    translation.save_revision().publish()
    response, translated = page_queries(url_of(page), warm_up=url_of(section) + "tin-dau/")

    def per_translation(queries):  # no query per translation found (locale, URL, ...)
        return [sql for sql in queries if "wagtailcore_locale" in sql or "translation_key" in sql]

    # Content in one language asks nothing about translations; a translated page asks once for
    # its hreflang links and once for the language switcher, whatever it finds.
    limit = len(per_translation(alone)) + 2
    assert len(per_translation(translated)) <= limit, "\n".join(translated)
    assert b'hreflang="en"' in response.content


def test_chrome_queries_do_not_grow_with_ancestors(page_queries, section):
    shallow = publish(section, slug="nong", title="Tin nông")
    _response, near = page_queries(url_of(shallow), warm_up=url_of(section) + "tin-dau/")
    parent = section
    for depth in range(4):
        parent = publish(parent, slug=f"cap-{depth}", title=f"Cấp {depth}")
    sibling = publish(parent, slug="ben-canh", title="Tin bên cạnh")
    deep = publish(parent, slug="sau", title="Tin sâu")
    # What is above the page is shared with its siblings: one of them warmed it.
    response, far = page_queries(url_of(deep), warm_up=url_of(sibling))
    assert len(far) == len(near), "\n".join(far)
    assert response.content.count(b"<li><a href=") >= 6  # every ancestor in the breadcrumbs


def test_chrome_asks_nothing_every_page_shares(page_queries, section):
    add_sections(10)
    publish(section, slug="tin-hai", title="Tin hai")
    response, queries = page_queries(
        url_of(section) + "tin-dau/", warm_up=url_of(section) + "tin-hai/"
    )
    shared = [f'FROM "{table}"' for table in ("wagtailcore_site", "core_agencysettings")]
    assert not [sql for sql in queries if any(name in sql for name in shared)], "\n".join(queries)
    routing = [sql for sql in queries if '"wagtailcore_page"."slug" IN' in sql]
    assert len(routing) == 1
    assert "Tin đầu" in response.content.decode()


def test_a_section_published_shows_in_the_menu_on_the_next_request(client, content_cache, home):
    add_sections(1)
    assert "Mục mới" not in client.get("/").content.decode()
    section = home.add_child(
        instance=NewsIndexPage(title="Mục mới", slug="muc-moi", show_in_menus=True, live=False)
    )
    assert "Mục mới" not in client.get("/").content.decode()  # a draft is not in the menu
    section.save_revision().publish()
    assert 'href="/muc-moi/"' in client.get("/").content.decode()


def test_agency_settings_edited_show_on_the_next_request(client, content_cache, home):
    agency = AgencySettings.for_site(home.get_site())
    agency.agency_name = "Bộ Cũ"
    agency.save()
    log(agency, "wagtail.edit")
    assert "Bộ Cũ" in client.get("/").content.decode()
    agency.agency_name = "Bộ Nông nghiệp và Môi trường"
    agency.save()
    log(agency, "wagtail.edit")  # what the settings form in the admin records
    html = client.get("/").content.decode()
    assert "Bộ Nông nghiệp và Môi trường" in html
    assert "Bộ Cũ" not in html


def test_a_private_page_is_not_served_anonymously(client, content_cache, section):
    page = publish(section, slug="noi-bo", title="Tin nội bộ")
    child = publish(page, slug="con", title="Tin con")
    assert client.get(url_of(page)).status_code == 200  # cached as public first
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for url in (url_of(page), url_of(child)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "Tin" not in response.content.decode()


def test_a_page_under_a_password_is_not_served(client, content_cache, section):
    page = publish(section, slug="mat-khau", title="Tin có mật khẩu")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(url_of(page))
    assert response.status_code == 200
    assert "Tin có mật khẩu" not in response.content.decode()
    assert 'type="password"' in response.content.decode()


def test_a_draft_is_not_served(client, content_cache, section):
    draft = section.add_child(instance=NewsPageFactory.build(slug="nhap", live=False))
    assert client.get(url_of(section) + "tin-dau/").status_code == 200
    assert client.get(url_of(section) + "nhap/").status_code == 404
    draft.save_revision().publish()
    assert client.get(url_of(section) + "nhap/").status_code == 200


def test_unknown_paths_and_feeds_route_as_before(client, content_cache, section):
    assert client.get(url_of(section) + "khong-co/").status_code == 404
    assert client.get(url_of(section) + "tin-dau/khong-co/").status_code == 404
    assert client.get(url_of(section) + "rss/").status_code == 200
    assert client.get("/khong-co/tin-dau/").status_code == 404
