import datetime

import pytest

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from portal.core.text import slugify_vi


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published(home):
    """Make a published page under a parent (the Vietnamese home by default)."""

    def make(title, parent=None, slug=None):
        page = Page(title=title, slug=slug or slugify_vi(title))
        (parent or home).add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def hidden_pages(home, published):
    """A draft, a private page (and its child) and a future-scheduled page, none of them public."""
    draft = home.add_child(instance=Page(title="Bản nháp bí mật", slug="ban-nhap", live=False))
    draft.save_revision()

    private = published("Trang nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private_child = published("Con của trang nội bộ", parent=private, slug="con-noi-bo")

    scheduled = home.add_child(instance=Page(title="Tin hẹn giờ", slug="hen-gio", live=False))
    go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.go_live_at = go_live_at
    scheduled.save_revision(approved_go_live_at=go_live_at).publish()
    scheduled.refresh_from_db()
    assert not scheduled.live  # Wagtail keeps it unpublished until the time comes

    return {
        **_hidden_news(),
        **_hidden_typed(home),
        "draft": draft,
        "private": private,
        "private_child": private_child,
        "scheduled": scheduled,
    }


def _hidden_news():
    """The same three ways of being hidden, for news items (a typed endpoint and feeds)."""
    from portal.news.factories import NewsPageFactory
    from portal.news.structure import news_section

    section = news_section("Tin hoạt động")
    draft = NewsPageFactory.build(title="Tin nháp bí mật", slug="tin-nhap", live=False)
    section.add_child(instance=draft)
    draft.save_revision()

    private_section = news_section("Tin nội bộ")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private = NewsPageFactory.build(title="Tin trong mục nội bộ", slug="tin-noi-bo")
    private_section.add_child(instance=private)
    private.save_revision().publish()

    scheduled = NewsPageFactory.build(title="Tin hẹn giờ đăng", slug="tin-hen-gio", live=False)
    section.add_child(instance=scheduled)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision(approved_go_live_at=scheduled.go_live_at).publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    return {"news_draft": draft, "news_private": private, "news_scheduled": scheduled}


def _hidden_typed(home):
    """A draft, a private and a scheduled procedure and legal document."""
    from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
    from portal.procedures.factories import ProcedurePageFactory, procedure_catalogue

    kinds = {
        "procedure": (procedure_catalogue(), ProcedurePageFactory, "code", "9.00000{}", {}),
        "legal": (
            LegalDocumentIndexPageFactory(parent=home),
            LegalDocumentPageFactory,
            "number",
            "90{}/QĐ-BM",
            {"issuer": None},
        ),
    }
    hidden = {}
    for kind, (parent, factory, key, key_format, extra) in kinds.items():
        draft = factory.build(
            **{key: key_format.format(1)}, title=f"Nháp {kind} bí mật", live=False, **extra
        )
        parent.add_child(instance=draft)
        draft.save_revision()

        private = factory.build(**{key: key_format.format(2)}, title=f"Nội bộ {kind}", **extra)
        parent.add_child(instance=private)
        private.save_revision().publish()
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

        scheduled = factory.build(
            **{key: key_format.format(3)}, title=f"Hẹn giờ {kind}", live=False, **extra
        )
        parent.add_child(instance=scheduled)
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        scheduled.save_revision(approved_go_live_at=scheduled.go_live_at).publish()
        hidden.update(
            {f"{kind}_draft": draft, f"{kind}_private": private, f"{kind}_scheduled": scheduled}
        )
    return hidden
