"""A province's implementation of a national procedure goes through its board's approval: an
editor's change is not public until the board approves it, and another province's editor cannot
touch it."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from portal.core.editorial import editorial_names
from portal.procedures.models import LocalImplementation

URLS = "wagtailsnippets_procedures_localimplementation"
CATALOGUE = "/thu-tuc-hanh-chinh/"


@pytest.fixture
def provinces(make_agency_site, national_procedure):
    return make_agency_site("hanoi.localhost", "Hà Nội"), make_agency_site(
        "danang.localhost", "Đà Nẵng"
    )


def member(site, which, username):
    """A user in the site's editors (0) or board (1) group as create_agency_site made them."""
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    user.groups.add(Group.objects.get(name=editorial_names(site)[which]))
    return user


def form_data(site, procedure, **values):
    return {
        "site": site.pk,
        "procedure": procedure.pk,
        "processing_time": "",
        "receiving_address": "",
        "fees": "",
        "online_url": "",
        "online_level": "",
        "local_forms-TOTAL_FORMS": "0",
        "local_forms-INITIAL_FORMS": "0",
        "local_forms-MIN_NUM_FORMS": "0",
        "local_forms-MAX_NUM_FORMS": "1000",
        **values,
    }


def public_texts(client, procedure):
    """The Hà Nội page, API detail and comparison of the procedure, as a citizen reads them."""
    host = {"HTTP_HOST": "hanoi.localhost"}
    page = client.get(f"{CATALOGUE}{procedure.slug}/", **host)
    api = client.get(f"/api/procedures/{procedure.code}/", **host)
    comparison = client.get(f"/api/procedures/{procedure.code}/implementations/")
    assert page.status_code == api.status_code == comparison.status_code == 200
    return page.content.decode() + api.content.decode() + comparison.content.decode()


def test_an_editors_change_is_public_only_once_the_board_approves_it(
    client, provinces, national_procedure
):
    hanoi, _danang = provinces
    editor = member(hanoi, 0, "bien-tap-ha-noi")
    client.force_login(editor)
    response = client.post(
        reverse(f"{URLS}:add"),
        form_data(hanoi, national_procedure, processing_time="7 ngày làm việc"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    local = LocalImplementation.objects.get(site=hanoi)
    assert not local.live
    # An editor cannot publish: "publish" is the board's.
    client.post(
        reverse(f"{URLS}:edit", args=[local.pk]),
        form_data(
            hanoi, national_procedure, processing_time="7 ngày làm việc", **{"action-publish": "1"}
        ),
    )
    local.refresh_from_db()
    assert not local.live
    response = client.post(
        reverse(f"{URLS}:edit", args=[local.pk]),
        form_data(
            hanoi, national_procedure, processing_time="7 ngày làm việc", **{"action-submit": "1"}
        ),
    )
    assert response.status_code == 302
    local.refresh_from_db()
    assert local.workflow_in_progress

    client.logout()
    assert "7 ngày làm việc" not in public_texts(client, national_procedure)

    client.force_login(member(hanoi, 1, "ban-bien-tap-ha-noi"))
    task_state = local.current_workflow_task_state
    response = client.post(
        reverse(f"{URLS}:workflow_action", args=[local.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    local.refresh_from_db()
    assert local.live

    client.logout()
    assert "7 ngày làm việc" in public_texts(client, national_procedure)

    # A later draft of the published implementation stays private until approved again.
    client.force_login(editor)
    client.post(
        reverse(f"{URLS}:edit", args=[local.pk]),
        form_data(hanoi, national_procedure, processing_time="3 ngày làm việc"),
    )
    client.logout()
    texts = public_texts(client, national_procedure)
    assert "7 ngày làm việc" in texts and "3 ngày làm việc" not in texts


def test_another_provinces_editor_cannot_edit_it(client, provinces, national_procedure):
    hanoi, danang = provinces
    local = LocalImplementation.objects.create(
        site=hanoi, procedure=national_procedure, processing_time="7 ngày làm việc"
    )
    client.force_login(member(danang, 0, "bien-tap-da-nang"))
    assert client.get(reverse(f"{URLS}:edit", args=[local.pk])).status_code in (302, 403)
    client.post(
        reverse(f"{URLS}:edit", args=[local.pk]),
        form_data(hanoi, national_procedure, processing_time="1 ngày"),
    )
    client.force_login(member(danang, 1, "ban-bien-tap-da-nang"))
    client.post(
        reverse(f"{URLS}:edit", args=[local.pk]),
        form_data(hanoi, national_procedure, processing_time="1 ngày", **{"action-publish": "1"}),
    )
    local.refresh_from_db()
    assert local.processing_time == "7 ngày làm việc"
    assert not local.revisions.exists()


def test_only_the_board_deletes_an_approved_implementation(client, provinces, national_procedure):
    hanoi, _danang = provinces
    local = LocalImplementation.objects.create(
        site=hanoi, procedure=national_procedure, processing_time="7 ngày làm việc"
    )
    client.force_login(member(hanoi, 0, "bien-tap-ha-noi"))
    client.post(reverse(f"{URLS}:delete", args=[local.pk]))
    assert LocalImplementation.objects.filter(pk=local.pk).exists()

    client.force_login(member(hanoi, 1, "ban-bien-tap-ha-noi"))
    assert client.post(reverse(f"{URLS}:delete", args=[local.pk])).status_code == 302
    assert not LocalImplementation.objects.filter(pk=local.pk).exists()


def test_a_draft_the_board_has_not_approved_is_not_exported(
    provinces, national_procedure, tmp_path
):
    hanoi, danang = provinces
    LocalImplementation.objects.create(
        site=hanoi, procedure=national_procedure, processing_time="7 ngày làm việc"
    )
    LocalImplementation.objects.create(
        site=danang, procedure=national_procedure, processing_time="2 ngày", live=False
    )
    exported = tmp_path / "procedures.jsonl"
    call_command("export_content", "--kind", "procedure", "-o", str(exported), stderr=StringIO())

    text = exported.read_text(encoding="utf-8")
    assert "7 ngày làm việc" in text and "2 ngày" not in text
