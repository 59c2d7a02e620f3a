"""Faults of the embedded index: a removed or corrupted index is a 503 that /readyz names, never
an empty index, and `search_index sync` or the search consumer rebuilds it; a worker that stops
while content changes and then catches up leaves no stale result page and no stale 304."""

import os
import shutil
import time
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils.http import http_date

from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory
from search.engines import get_engine

pytestmark = pytest.mark.django_db
META_FILE = "meta.json"


@pytest.fixture
def index(settings, tmp_path, home, committed):
    """An embedded index the search consumer has written a published procedure into."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine = get_engine()
    engine.rebuild([])
    with committed():
        page = ProcedurePageFactory(name="Cấp phép khai thác nước dưới đất")
    consumers.run_consumers()
    return engine, page


def codes(client, text):
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200, response.content
    return {hit["id"] for hit in response.json()["results"]}


def assert_unavailable(client, reason):
    api = client.get("/api/search/", {"q": "khai thac nuoc"})
    assert api.status_code == 503
    assert "unavailable" in api.json()["message"]
    page = client.get("/tim-kiem/", {"q": "khai thac nuoc"})
    assert page.status_code == 503
    assert "Tìm kiếm tạm thời không hoạt động" in page.content.decode()
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["search"] == {"status": "failing", "error": reason}


def sync():
    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    return out.getvalue()


def test_a_removed_index_is_a_503_named_by_readyz_until_sync_rebuilds_it(
    client, index, settings, tmp_path
):
    _engine, page = index
    assert codes(client, "khai thac nuoc") == {page.code}
    shutil.move(settings.SEARCH_INDEX_DIR, tmp_path / "moved-away")

    assert_unavailable(
        client, "the search index is missing; `manage.py search_index sync` rebuilds it"
    )

    assert "The search index is missing: rebuilt, 1 entries." in sync()
    assert codes(client, "khai thac nuoc") == {page.code}
    assert client.get("/readyz").json()["checks"]["search"]["status"] == "ok"


def test_the_consumer_rebuilds_a_removed_index_with_everything_published(
    client, index, settings, tmp_path
):
    _engine, page = index
    shutil.move(settings.SEARCH_INDEX_DIR, tmp_path / "moved-away")
    later = ProcedurePageFactory(name="Cấp phép xả thải vào nguồn nước")
    outcome = consumers.run_consumer("search")

    assert outcome.read >= 1 and not outcome.error
    assert codes(client, "cap phep") == {page.code, later.code}


def test_a_corrupted_meta_json_is_a_503_named_by_readyz_until_sync_rebuilds_it(client, index):
    engine, page = index
    (engine.current_link / META_FILE).write_text('{"segments": [')

    assert_unavailable(
        client,
        "the search index is damaged (meta.json unreadable); "
        "`manage.py search_index sync` rebuilds it",
    )

    assert "The search index is damaged (meta.json unreadable): rebuilt, 1 entries." in sync()
    assert codes(client, "khai thac nuoc") == {page.code}


def test_after_a_stopped_worker_catches_up_no_stale_page_or_304_is_served(
    client, index, page_cache
):
    engine, _page = index
    # The index was last written a minute ago.
    meta = engine.current_link / META_FILE
    a_minute_ago = time.time() - 60
    os.utime(meta, (a_minute_ago, a_minute_ago))

    # The worker is stopped: the content changes, the index does not follow yet.
    later = ProcedurePageFactory(name="Cấp phép xả thải vào nguồn nước")
    query = {"q": "xa thai"}
    assert later.code not in client.get("/tim-kiem/", query).content.decode()
    behind = client.get("/api/search/", query)
    assert behind.json()["total"] == 0
    assert behind["Last-Modified"] == http_date(a_minute_ago)

    consumers.run_consumer("search")  # the worker is back and catches up

    assert later.code in client.get("/tim-kiem/", query).content.decode()
    revalidated = client.get("/api/search/", query, HTTP_IF_MODIFIED_SINCE=behind["Last-Modified"])
    assert revalidated.status_code == 200
    assert [hit["id"] for hit in revalidated.json()["results"]] == [later.code]
    assert (
        client.get(
            "/api/search/", query, HTTP_IF_MODIFIED_SINCE=revalidated["Last-Modified"]
        ).status_code
        == 304
    )
