"""The page cache follows the content event log: a change to public content is served on the next
request, without any reader of the log running; a front proxy is purged by URL by a consumer."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page

from portal.core import page_cache as page_cache_module
from portal.core.models import ConsumerState, Field
from portal.core.publishing import consumers
from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.legal.validity import refresh_validity
from portal.news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedurePage
from portal.procedures.models.records import ProcedureLegalBasis

pytestmark = pytest.mark.django_db


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def behind_the_log(page, title):
    """A write no publishing path sees: a cached page keeps showing the old title."""
    Page.objects.filter(pk=page.pk).update(title=title)
    type(page).objects.filter(pk=page.pk).update(title=title)


@pytest.fixture
def news(home):
    listing = NewsIndexPageFactory(parent=home, title="Tin hoạt động", slug="tin-hoat-dong")
    item = NewsPageFactory(parent=listing, title="Hội nghị tổng kết năm")
    return listing, item


def test_a_hit_is_the_version_read_and_at_most_one_cache_read(client, home, news, page_cache):
    _listing, item = news
    url = item.url
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(queries) == 1, "\n".join(query["sql"] for query in queries)
    # Another process: the shared cache, read once.
    page_cache_module.local.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content == first.content
    assert len(queries) <= 2, "\n".join(query["sql"] for query in queries)


def test_a_published_change_is_fresh_on_the_next_request(client, home, news, page_cache):
    listing, item = news
    for url in (item.url, listing.url, "/"):
        assert "Hội nghị tổng kết năm" in text(client, url)
    behind_the_log(item, "Tên chưa công bố")
    for url in (item.url, listing.url, "/"):
        assert "Tên chưa công bố" not in text(client, url), url

    item = item.specific_class.objects.get(pk=item.pk)
    item.title = "Hội nghị tổng kết năm 2025"
    item.save_revision().publish()
    # No consumer runs: the next request is keyed by the new head of the log.
    for url in (item.url, listing.url, "/"):
        assert "Hội nghị tổng kết năm 2025" in text(client, url), url


def test_a_legal_basis_validity_change_refreshes_the_procedure(client, home, page_cache):
    document = LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="31/2024/QH15"
    )
    procedure = ProcedurePageFactory(name="Đăng ký thường trú")
    ProcedureLegalBasis.objects.create(page=procedure, number="31/2024/QH15")
    assert "Đăng ký thường trú" in text(client, procedure.url)
    behind_the_log(procedure, "Đăng ký thường trú (mới)")
    ProcedurePage.objects.filter(pk=procedure.pk).update(name="Đăng ký thường trú (mới)")
    assert "Đăng ký thường trú (mới)" not in text(client, procedure.url)

    document.expires = document.issued
    document.save(update_fields=["expires"])
    assert refresh_validity() == 1
    assert "Đăng ký thường trú (mới)" in text(client, procedure.url)


def test_editors_are_never_served_from_the_cache_nor_fill_it(
    client, admin_client, home, news, page_cache
):
    _listing, item = news
    assert "Hội nghị tổng kết năm" in text(admin_client, item.url)
    behind_the_log(item, "Bản sửa của biên tập viên")
    # The editor filled nothing: the visitor gets the page as it is now, and caches it.
    assert "Bản sửa của biên tập viên" in text(client, item.url)
    behind_the_log(item, "Bản sửa thứ hai")
    assert "Bản sửa thứ hai" not in text(client, item.url)
    assert "Bản sửa thứ hai" in text(admin_client, item.url)


def test_a_preview_is_never_the_cached_page(client, home, news, page_cache):
    _listing, item = news
    assert "Hội nghị tổng kết năm" in text(client, item.url)
    draft = item.specific_class.objects.get(pk=item.pk)
    draft.title = "Bản nháp chưa đăng"
    preview = draft.make_preview_request()
    assert "Bản nháp chưa đăng" in preview.content.decode()
    assert "Bản nháp chưa đăng" not in text(client, item.url)


def test_pages_tell_browsers_to_revalidate_and_answer_304(client, home, news, page_cache):
    _listing, item = news
    first = client.get(item.url)
    assert "max-age=0" in first["Cache-Control"]
    again = client.get(item.url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    """A front proxy that records the PURGE requests it gets."""
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def use_proxy(settings, port):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }


def purge_consumer():
    ConsumerState.objects.update_or_create(
        name="frontend_cache", defaults={"position": consumers.log_head()}
    )


def test_a_publish_purges_the_page_its_listing_and_the_home(settings, home, news, proxy):
    listing, item = news
    purge_consumer()
    use_proxy(settings, proxy.server_port)
    item.title = "Tin đã sửa"
    item.save_revision().publish()

    [outcome] = consumers.run_consumers(["frontend_cache"])

    assert outcome.error == ""
    paths = {path for _host, path in PurgeRecorder.purged}
    assert {item.url, listing.url, "/"} <= paths
    assert {host for host, _path in PurgeRecorder.purged} == {home.get_site().hostname}


def test_a_validity_change_purges_the_procedures_citing_it(settings, home, proxy):
    document = LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="31/2024/QH15"
    )
    procedure = ProcedurePageFactory(name="Đăng ký thường trú")
    ProcedureLegalBasis.objects.create(page=procedure, number="31/2024/QH15")
    purge_consumer()
    use_proxy(settings, proxy.server_port)
    document.expires = document.issued
    document.save(update_fields=["expires"])
    refresh_validity()

    consumers.run_consumers(["frontend_cache"])

    paths = {path for _host, path in PurgeRecorder.purged}
    assert {document.url, procedure.url} <= paths


def test_a_down_proxy_is_retried_and_never_blocks_the_editor(settings, home, news, proxy):
    _listing, item = news
    purge_consumer()
    port = proxy.server_port
    proxy.shutdown()
    proxy.server_close()
    use_proxy(settings, port)  # nothing listens there now
    item.title = "Tin đã sửa"
    item.save_revision().publish()  # the editor's publish succeeds

    [outcome] = consumers.run_consumers(["frontend_cache"])

    assert "PurgeFailed" in outcome.error
    state = ConsumerState.objects.get(name="frontend_cache")
    assert state.retry_at is not None and state.position < consumers.log_head()

    server = HTTPServer(("127.0.0.1", port), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        ConsumerState.objects.filter(name="frontend_cache").update(retry_at=None)
        [outcome] = consumers.run_consumers(["frontend_cache"])
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.error == ""
    assert item.url in {path for _host, path in PurgeRecorder.purged}


def test_a_field_renamed_in_the_admin_purges_the_procedures_showing_it(
    settings, home, admin_client, proxy
):
    land = Field.objects.create(name="Đất đai")
    shown = ProcedurePageFactory(name="Đăng ký đất đai lần đầu", procedure_fields=[land])
    other = ProcedurePageFactory(name="Cấp giấy phép khai thác nước")
    purge_consumer()
    use_proxy(settings, proxy.server_port)

    edit = reverse("wagtailsnippets_core_field:edit", args=[land.pk])
    form = {"name": "Đất đai và nhà ở", "name_en": "", "slug": land.slug}
    assert admin_client.post(edit, form).status_code == 302
    consumers.run_consumers(["frontend_cache"])

    paths = {path for _host, path in PurgeRecorder.purged}
    assert shown.url in paths and "/" in paths
    assert other.url not in paths


def test_a_moved_page_purges_its_old_address_and_old_listing(settings, home, news, proxy):
    listing, item = news
    other = NewsIndexPageFactory(parent=home, title="Thông cáo báo chí", slug="thong-cao")
    old_url, old_listing = item.url, listing.url
    purge_consumer()
    use_proxy(settings, proxy.server_port)

    item.move(other, pos="last-child")
    consumers.run_consumers(["frontend_cache"])

    item.refresh_from_db()
    paths = {path for _host, path in PurgeRecorder.purged}
    assert {old_url, old_listing, item.url, other.url} <= paths
    assert old_url != item.url


def test_a_deleted_page_purges_its_address_and_its_listing(settings, home, news, proxy):
    listing, item = news
    gone = item.url
    purge_consumer()
    use_proxy(settings, proxy.server_port)

    item.delete()
    consumers.run_consumers(["frontend_cache"])

    paths = {path for _host, path in PurgeRecorder.purged}
    assert {gone, listing.url, "/"} <= paths
