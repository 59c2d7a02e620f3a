import re
import time
from urllib.parse import urlsplit

import pytest

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.management import call_command

from portal.api.preview import make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_draft(published):
    page = published("Thông báo tuyển dụng")
    page.title = "Thông báo tuyển dụng (bản sửa chưa duyệt)"
    page.save_revision()
    return page


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.vn", "pw")
    client.force_login(user)
    return client


def test_valid_token_returns_the_draft_revision(client, page_with_draft):
    response = client.get("/api/preview/", {"token": make_token(page_with_draft)})

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == page_with_draft.pk
    assert data["title"] == "Thông báo tuyển dụng (bản sửa chưa duyệt)"
    assert response["Cache-Control"] == "private, no-store"
    # The live page is unchanged for everyone else.
    live = client.get(f"/api/v2/pages/{page_with_draft.pk}/").json()
    assert live["title"] == "Thông báo tuyển dụng"


def test_token_for_a_never_published_page_works(client, home):
    from wagtail.models import Page

    draft = home.add_child(instance=Page(title="Trang mới soạn", slug="moi-soan", live=False))
    draft.save_revision()

    response = client.get("/api/preview/", {"token": make_token(draft)})

    assert response.status_code == 200
    assert response.json()["title"] == "Trang mới soạn"


def test_expired_token_is_refused(client, page_with_draft, monkeypatch, settings):
    two_hours_ago = time.time() - 2 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: two_hours_ago)
    token = make_token(page_with_draft)
    monkeypatch.undo()
    settings.HEADLESS_PREVIEW_MAX_AGE = 3600

    response = client.get("/api/preview/", {"token": token})

    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


def test_tampered_token_is_refused(client, page_with_draft, published):
    other = published("Trang khác")
    token = make_token(page_with_draft)
    signature = token.split(":", 1)[1]
    forged = signing.TimestampSigner(salt="x").sign_object({"page": other.pk, "revision": 1})
    tampered = forged.split(":", 1)[0] + ":" + signature

    response = client.get("/api/preview/", {"token": tampered})

    assert response.status_code == 403
    assert "invalid" in response.json()["detail"]
    assert client.get("/api/preview/", {"token": token + "x"}).status_code == 403


def test_admin_page_gives_a_working_preview_link(editor_client, page_with_draft):
    edit_page = editor_client.get(f"/admin/pages/{page_with_draft.pk}/edit/")
    assert f"/admin/headless-preview/{page_with_draft.pk}/" in edit_page.content.decode()

    response = editor_client.get(f"/admin/headless-preview/{page_with_draft.pk}/")

    assert response.status_code == 200
    url = re.search(r'id="headless-preview-url">([^<]+)<', response.content.decode())[1]
    preview = editor_client.get(url.replace("&amp;", "&"))
    assert preview.json()["title"] == "Thông báo tuyển dụng (bản sửa chưa duyệt)"


def test_admin_preview_link_needs_edit_permission(client, page_with_draft):
    user = get_user_model().objects.create_user("reader", "reader@example.vn", "pw")
    client.force_login(user)

    response = client.get(f"/admin/headless-preview/{page_with_draft.pk}/")

    assert response.status_code in (302, 403)
    assert "token" not in response.content.decode()


def test_management_command_prints_a_working_url(client, page_with_draft, capsys):
    call_command("preview_token", str(page_with_draft.pk))

    url = urlsplit(capsys.readouterr().out.strip())
    assert client.get(f"{url.path}?{url.query}").json()["title"].endswith("(bản sửa chưa duyệt)")
