"""Index sync from Wagtail events, with the real page types of the content apps."""

import pytest

from django.core.management import call_command

from wagtail.models import PageViewRestriction

from portal.core.factories import AgencyFactory
from portal.legal.factories import LegalDocumentPageFactory
from portal.legal.importers import LegalImporter
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory, procedure_catalogue
from search.documents import SearchDocument
from search.requests import SearchRequest


def found(engine, text, **kwargs):
    return [hit.id for hit in engine.search(SearchRequest(text=text, **kwargs)).hits]


def urls(engine, text):
    return [hit.url for hit in engine.search(SearchRequest(text=text)).hits]


@pytest.fixture
def legal_section(home):
    return LegalImporter().section


def add_news(section, title, slug, publish=True):
    page = NewsPageFactory.build(title=title, slug=slug)
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def add_document(section, number, title, publish=True):
    page = LegalDocumentPageFactory.build(
        number=number, title=title, issuer=AgencyFactory(), live=False
    )
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def draft_procedure(code, name):
    page = ProcedurePageFactory.build(code=code, name=name, title=name, live=False)
    procedure_catalogue().add_child(instance=page)
    page.save_revision()
    return page


def test_published_pages_are_indexed_and_drafts_never(engine, home, legal_section, committed):
    with committed():
        ProcedurePageFactory(code="1.000101", name="Cấp giấy phép xả nước thải")
        draft_procedure("1.000102", "Cấp giấy phép khai thác nước dưới đất")
        add_document(legal_section, "12/2024/TT-BTNMT", "Thông tư quy định về quan trắc")
        add_document(legal_section, "13/2024/TT-BTNMT", "Thông tư về quan trắc bản nháp", False)
        section = news_section("Tin hoạt động")
        add_news(section, "Hội nghị tổng kết ngành tài nguyên", "hoi-nghi-tong-ket")
        add_news(section, "Bản nháp hội nghị sơ kết", "so-ket", publish=False)
    assert found(engine, "giay phep") == ["1.000101"]
    assert found(engine, "quan trac") == ["12/2024/TT-BTNMT"]
    assert found(engine, "hoi nghi") == ["hoi-nghi-tong-ket"]


def test_private_pages_are_never_returned(engine, home, legal_section, committed):
    with committed():
        add_document(legal_section, "14/2024/TT-BTNMT", "Thông tư về khí tượng thủy văn")
        internal = news_section("Thông tin nội bộ")
        add_news(internal, "Kế hoạch kiểm tra khí tượng nội bộ", "ke-hoach-noi-bo")
    assert sorted(found(engine, "khi tuong")) == ["14/2024/TT-BTNMT", "ke-hoach-noi-bo"]
    with committed():
        PageViewRestriction.objects.create(page=internal, restriction_type="login")
    assert found(engine, "khi tuong") == ["14/2024/TT-BTNMT"]
    with committed():
        internal.view_restrictions.all().delete()
    assert len(found(engine, "khi tuong")) == 2


def test_unpublish_and_delete_remove_from_index(engine, home, legal_section, committed):
    with committed():
        procedure = ProcedurePageFactory(code="1.000201", name="Đăng ký biến động đất đai")
        document = add_document(legal_section, "15/2024/TT-BTNMT", "Thông tư về đất đai")
        news = add_news(news_section("Tin hoạt động"), "Tập huấn Luật Đất đai", "tap-huan")
    assert len(found(engine, "dat dai")) == 3
    with committed():
        procedure.unpublish()
    assert sorted(found(engine, "dat dai")) == ["15/2024/TT-BTNMT", "tap-huan"]
    with committed():
        document.delete()
        news.get_parent().unpublish()  # unpublishing a section takes its items out too
    assert found(engine, "dat dai") == []


def test_move_updates_the_url_and_section(engine, home, committed):
    with committed():
        first, second = news_section("Tin hoạt động"), news_section("Tin địa phương")
        page = add_news(first, "Khánh thành trạm quan trắc tự động", "khanh-thanh-tram")
    assert urls(engine, "khanh thanh") == ["/tin-hoat-dong/khanh-thanh-tram/"]
    with committed():
        page.move(second, pos="last-child")
    assert urls(engine, "khanh thanh") == ["/tin-dia-phuong/khanh-thanh-tram/"]
    sections = engine.search(SearchRequest(text="khanh thanh")).facets["section"]
    assert [(c.value, c.count) for c in sections] == [("tin-dia-phuong", 1)]


def test_sync_repairs_drift_and_rebuild_reindexes(engine, home, legal_section):
    # Outside a captured commit: the index never hears of these pages.
    ProcedurePageFactory(code="1.000301", name="Thẩm định báo cáo đánh giá tác động môi trường")
    add_document(legal_section, "16/2024/TT-BTNMT", "Thông tư hướng dẫn đánh giá tác động")
    engine.index([SearchDocument(kind="news", id="ghost", title="Trang ma", url="/ma/")])
    call_command("search_index", "sync")
    assert sorted(found(engine, "danh gia tac dong")) == ["1.000301", "16/2024/TT-BTNMT"]
    assert found(engine, "trang ma") == []
    call_command("search_index", "rebuild")
    assert "1.000301" in found(engine, "bao cao danh gia tac dong moi truong")


def test_unreachable_engine_never_blocks_publishing(engine, home, monkeypatch, committed):
    from search.engines import EngineUnavailable

    def down(*args, **kwargs):
        raise EngineUnavailable("down")

    monkeypatch.setattr(type(engine), "replace_pages", down)
    with committed():
        page = ProcedurePageFactory(code="1.000401", name="Công bố quy hoạch")
    page.refresh_from_db()
    assert page.live
