"""Local implementations in the admin: each site's editors see and edit only their own."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

from portal.procedures.local import catalogue_of
from portal.procedures.models import LocalImplementation

URLS = "wagtailsnippets_procedures_localimplementation"


def editor_of(site, username):
    """A user whose group may edit the site's procedure catalogue, as its editors' group does."""
    group = Group.objects.create(name=f"Biên tập viên – {site.site_name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=catalogue_of(site),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def both(hanoi, danang, national_procedure):
    return {
        site.hostname: LocalImplementation.objects.create(
            site=site, procedure=national_procedure, processing_time=f"Thời hạn {site.site_name}"
        )
        for site in (hanoi, danang)
    }


def test_an_editor_lists_and_edits_only_their_own_sites_implementations(client, both, hanoi):
    client.force_login(editor_of(hanoi, "bientap_hanoi"))
    listing = client.get(reverse(f"{URLS}:list")).content.decode()
    assert "Thời hạn Hà Nội" in listing and "Thời hạn Đà Nẵng" not in listing

    other = both["danang.localhost"]
    assert client.get(reverse(f"{URLS}:edit", args=[other.pk])).status_code in (302, 403)
    response = client.post(
        reverse(f"{URLS}:edit", args=[other.pk]),
        {"site": other.site_id, "procedure": other.procedure_id, "processing_time": "Sửa trộm"},
    )
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.processing_time == "Thời hạn Đà Nẵng"


def test_an_editor_can_only_choose_their_own_site(client, both, hanoi, danang):
    client.force_login(editor_of(hanoi, "bientap_hanoi"))
    form = client.get(reverse(f"{URLS}:add")).context["form"]
    assert list(form.fields["site"].queryset) == [hanoi]
    own = both["hanoi.localhost"]
    edit = client.get(reverse(f"{URLS}:edit", args=[own.pk]))
    assert edit.status_code == 200


def test_an_editor_of_no_province_has_no_access(client, both):
    user = get_user_model().objects.create_user("khach", "khach@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse(f"{URLS}:list")).status_code in (302, 403)
