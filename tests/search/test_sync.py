"""Index sync from Wagtail events, with real pages. Until a content app with search_documents()
is in main, the pages are HomePages given a search_documents() method for the test."""

import pytest

from django.core.management import call_command

from wagtail.models import PageViewRestriction

from portal.core.models import HomePage
from search.documents import SearchDocument
from search.requests import SearchRequest


def page_documents(self):
    return [
        SearchDocument(kind="news", id=self.slug, title=self.title, url=self.url or "/", body="")
    ]


@pytest.fixture
def searchable(monkeypatch, engine):
    monkeypatch.setattr(HomePage, "search_documents", page_documents, raising=False)
    return engine


def found(engine, text):
    return [hit.id for hit in engine.search(SearchRequest(text=text)).hits]


def add_page(parent, title, slug, publish=True):
    page = HomePage(title=title, slug=slug)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def test_published_page_is_indexed_and_drafts_never(
    searchable, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_page(home, "Thông báo tuyển dụng công chức", "tuyen-dung")
        add_page(home, "Bản nháp kế hoạch", "ban-nhap", publish=False)
    assert found(searchable, "tuyen dung") == ["tuyen-dung"]
    assert found(searchable, "ke hoach") == []


def test_unpublish_and_delete_remove_from_index(
    searchable, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = add_page(home, "Lịch tiếp công dân", "lich-tiep")
        second = add_page(home, "Lịch họp báo", "lich-hop")
    assert sorted(found(searchable, "lich")) == ["lich-hop", "lich-tiep"]
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert found(searchable, "lich") == ["lich-hop"]
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert found(searchable, "lich") == []


def test_private_pages_are_never_returned(searchable, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parent = add_page(home, "Khu vực nội bộ", "noi-bo")
        add_page(parent, "Tài liệu nội bộ mật", "mat")
    assert found(searchable, "noi bo") != []
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    assert found(searchable, "noi bo") == []


def test_sync_repairs_drift_and_rebuild_reindexes(searchable, home):
    add_page(home, "Hướng dẫn nộp hồ sơ trực tuyến", "huong-dan")  # no on_commit: index misses it
    searchable.index([SearchDocument(kind="news", id="ghost", title="Trang ma", url="/ma/")])
    call_command("search_index", "sync")
    assert found(searchable, "huong dan") == ["huong-dan"]
    assert found(searchable, "trang ma") == []
    call_command("search_index", "rebuild")
    assert found(searchable, "ho so truc tuyen") == ["huong-dan"]


def test_unreachable_engine_never_blocks_publishing(
    searchable, home, monkeypatch, django_capture_on_commit_callbacks
):
    from search.engines import EngineUnavailable

    def down(*args, **kwargs):
        raise EngineUnavailable("down")

    monkeypatch.setattr(type(searchable), "replace_pages", down)
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home, "Công bố quy hoạch", "quy-hoach")
    page.refresh_from_db()
    assert page.live
