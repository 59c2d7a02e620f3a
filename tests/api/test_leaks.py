"""Drafts, private pages and future-scheduled pages never appear anywhere public."""

import json

import pytest

from django.contrib.auth import get_user_model

from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.models import LegalDocumentIndexPage
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db

HIDDEN_TITLES = [
    "Bản nháp bí mật",
    "Trang nội bộ",
    "Con của trang nội bộ",
    "Tin hẹn giờ",
    "Tin nháp bí mật",
    "Tin trong mục nội bộ",
    "bí mật",
    "Nội bộ procedure",
    "Nội bộ legal",
    "Hẹn giờ procedure",
    "Hẹn giờ legal",
    "9.00000",
    "/QĐ-BM",
]
HIDDEN_SLUGS = ["ban-nhap", "noi-bo", "con-noi-bo", "hen-gio", "tin-nhap", "tin-noi-bo"]

PUBLIC_URLS = [
    "/api/v2/pages/",
    "/api/v2/pages/?search=trang",
    "/api/v2/pages/?limit=100&fields=*",
    "/sitemap.xml",
    "/api/news/?page_size=100",
    "/tin-hoat-dong/atom/",
    "/tin-hoat-dong/rss/",
    "/api/procedures/?page_size=100",
    "/api/legal/?page_size=100",
    "/api/feeds/procedures/",
    "/api/feeds/legal/",
]


def readable(response):
    """The body as text, with JSON's \\u escapes undone so Vietnamese titles can be matched."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def assert_nothing_hidden(body):
    for text in HIDDEN_TITLES + [f"/{slug}/" for slug in HIDDEN_SLUGS]:
        assert text not in body


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_hidden_pages_never_listed(client, hidden_pages, published, url):
    published("Trang công khai")
    public_news = NewsPageFactory.build(title="Tin công khai", slug="tin-cong-khai")
    news_section("Tin hoạt động").add_child(instance=public_news)
    public_news.save_revision().publish()
    ProcedurePageFactory(code="1.000777", name="Thủ tục công khai", title="Thủ tục công khai")
    legal_index = LegalDocumentIndexPage.objects.get()
    LegalDocumentPageFactory(
        parent=legal_index, number="7/2024/TT-BTNMT", title="Văn bản công khai"
    ).save_revision().publish()

    response = client.get(url)

    assert response.status_code == 200
    body = readable(response)
    assert "công khai" in body or "-cong-khai/" in body
    assert_nothing_hidden(body)


def test_hidden_pages_have_no_detail(client, hidden_pages):
    for page in hidden_pages.values():
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/find/?id={page.pk}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        *[f"/api/news/{slug}/" for slug in ("tin-nhap", "tin-noi-bo", "tin-hen-gio")],
        *[f"/api/procedures/9.00000{n}/" for n in (1, 2, 3)],
        *[f"/api/legal/90{n}/QĐ-BM/" for n in (1, 2, 3)],
    ],
)
def test_hidden_content_has_no_typed_detail(client, hidden_pages, path):
    assert client.get(path).status_code == 404


def test_hidden_pages_stay_hidden_from_signed_in_editors(client, hidden_pages):
    """API responses are cached publicly, so being signed in must not reveal anything."""
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.vn", "pw"))

    assert_nothing_hidden(readable(client.get("/api/v2/pages/?limit=100")))
    assert client.get(f"/api/v2/pages/{hidden_pages['private'].pk}/").status_code == 404


def test_children_of_hidden_pages_are_not_reachable_by_filters(client, hidden_pages):
    private = hidden_pages["private"]

    response = client.get(f"/api/v2/pages/?descendant_of={private.pk}")

    assert response.status_code in (400, 404)
    assert_nothing_hidden(readable(response))


def test_pages_outside_their_schedule_are_hidden_even_if_marked_live(client, published):
    """An import may save a page as live with dates; the dates still decide, before any cron."""
    import datetime

    from django.utils import timezone

    not_yet = published("Chưa tới giờ")
    expired = published("Đã hết hạn")
    now = timezone.now()
    type(not_yet).objects.filter(pk=not_yet.pk).update(go_live_at=now + datetime.timedelta(1))
    type(expired).objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(1))

    body = client.get("/api/v2/pages/").content.decode()

    assert "Chưa tới giờ" not in body
    assert "Đã hết hạn" not in body
