"""`manage.py create_agency_site`: an agency's site with its homes, sections, settings, groups
and workflow; idempotent; a taken hostname or province is an error that writes nothing."""

import io

import pytest

from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from wagtail.models import Page, Site

from portal.core.models import AgencySettings, HomePage
from portal.core.sites import own_pages
from portal.news.factories import NewsPageFactory
from portal.news.models import LatestNewsPage, NewsIndexPage
from portal.procedures.models import ProcedureIndexPage

HANOI = {
    "name": "Sở Nông nghiệp và Môi trường Hà Nội",
    "hostname": "hanoi.localhost",
    "province": "Hà Nội",
}
DANANG = {
    "name": "Sở Nông nghiệp và Môi trường Đà Nẵng",
    "hostname": "danang.localhost",
    "province": "Đà Nẵng",
}


def create(**options):
    out = io.StringIO()
    call_command("create_agency_site", stdout=out, **options)
    return out.getvalue()


def test_creates_the_site_with_homes_sections_settings_groups_and_workflow(home, english_home):
    output = create(**HANOI, name_en="Hanoi Department of Agriculture and Environment")
    site = Site.objects.get(hostname="hanoi.localhost")
    assert "Sở NN&MT Hà Nội" in output
    homes = own_pages(HomePage.objects.all(), site)
    assert sorted(h.locale.language_code for h in homes) == ["en", "vi"]
    assert site.root_page.title == HANOI["name"]
    assert own_pages(LatestNewsPage.objects.all(), site).count() == 2
    assert own_pages(NewsIndexPage.objects.all(), site).count() == 1
    assert own_pages(ProcedureIndexPage.objects.all(), site).count() == 1
    settings = AgencySettings.for_site(site)
    assert (settings.agency_name, settings.province) == (HANOI["name"], "Hà Nội")
    assert settings.parent_site == Site.objects.get(is_default_site=True)
    assert Group.objects.filter(name="Biên tập viên – Sở NN&MT Hà Nội").exists()
    assert Group.objects.filter(name="Ban biên tập – Sở NN&MT Hà Nội").exists()
    assert site.root_page.specific.get_workflow().name == "Ban biên tập duyệt – Sở NN&MT Hà Nội"


def test_running_again_changes_nothing(home, english_home):
    create(**HANOI)
    pages, groups = Page.objects.count(), Group.objects.count()
    output = create(**HANOI)
    assert output.startswith("Already there")
    assert (Page.objects.count(), Group.objects.count()) == (pages, groups)
    assert Site.objects.filter(hostname="hanoi.localhost").count() == 1


def test_hostname_of_another_agency_is_refused_and_nothing_is_written(home, english_home):
    create(**HANOI)
    pages, sites = Page.objects.count(), Site.objects.count()
    with pytest.raises(CommandError, match="hanoi.localhost is already the site of Sở"):
        create(**{**DANANG, "hostname": "hanoi.localhost"})
    with pytest.raises(CommandError, match="already the site of"):
        create(**{**DANANG, "hostname": Site.objects.get(is_default_site=True).hostname})
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)


def test_province_with_a_site_already_is_refused(home, english_home):
    create(**HANOI)
    with pytest.raises(CommandError, match="--province: Hà Nội already has"):
        create(**{**DANANG, "province": "Hà Nội"})
    assert not Site.objects.filter(hostname="danang.localhost").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"hostname": "hà nội"}, "--hostname: 'hà nội' is not a host name"),
        ({"parent": "nowhere.localhost"}, "--parent: no site with hostname"),
        ({"brand_colour": "#ffff00"}, "--brand-colour: Độ tương phản"),
        ({"brand_dark_colour": "blue"}, "--brand-dark-colour: Màu phải có dạng"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(home, english_home, options, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        create(**{**HANOI, **options})
    assert Page.objects.count() == pages
    assert Site.objects.count() == 1


def member(group_name, username):
    user = User.objects.create_user(username, password="mật-khẩu-dài")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_an_editor_of_hanoi_cannot_edit_danang_pages(home, english_home):
    create(**HANOI)
    create(**DANANG)
    editor = member("Biên tập viên – Sở NN&MT Hà Nội", "bien-tap-ha-noi")
    board = member("Ban biên tập – Sở NN&MT Hà Nội", "ban-bien-tap-ha-noi")
    hanoi, danang = (Site.objects.get(hostname=h) for h in ("hanoi.localhost", "danang.localhost"))
    hanoi_section = own_pages(NewsIndexPage.objects.all(), hanoi).get()
    danang_section = own_pages(NewsIndexPage.objects.all(), danang).get()
    danang_item = danang_section.add_child(instance=NewsPageFactory.build(slug="tin-da-nang"))

    assert hanoi_section.permissions_for_user(editor).can_add_subpage()
    assert not danang_section.permissions_for_user(editor).can_add_subpage()
    assert not danang_item.permissions_for_user(editor).can_edit()
    assert hanoi.root_page.permissions_for_user(board).can_publish()
    assert not danang.root_page.permissions_for_user(board).can_edit()
    assert not danang_item.permissions_for_user(board).can_edit()
    # Nor the ministry's pages.
    assert not home.permissions_for_user(board).can_edit()


def test_the_editor_cannot_open_danang_pages_in_the_admin(home, english_home, client):
    create(**HANOI)
    create(**DANANG)
    danang = Site.objects.get(hostname="danang.localhost")
    hanoi = Site.objects.get(hostname="hanoi.localhost")
    editor = member("Biên tập viên – Sở NN&MT Hà Nội", "bien-tap-ha-noi")
    client.force_login(editor)
    danang_section = own_pages(NewsIndexPage.objects.all(), danang).get()
    hanoi_section = own_pages(NewsIndexPage.objects.all(), hanoi).get()
    assert client.get(f"/admin/pages/{danang_section.pk}/edit/").status_code in (302, 403)
    response = client.get(f"/admin/pages/add/news/newspage/{hanoi_section.pk}/")
    assert response.status_code == 200
