"""The publishing service: what it writes matches Wagtail's own publishing, every path records
one content event with its actor, and the one visibility rule holds at read time."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, Site

from portal.core.models import ContentEvent, ImportRun
from portal.core.publishing import Actor, acting_as
from portal.core.publishing.bulk import LivePageWriter
from portal.core.visibility import visible
from portal.procedures.factories import ProcedurePageFactory, procedure_catalogue
from portal.procedures.models import ProcedurePage
from search.collect import documents_for, searchable_pages

pytestmark = pytest.mark.django_db

# Fields that name or place a page, or stamp when it was written: never equal between two pages.
_OWN = {"id", "path", "title", "draft_title", "slug", "url_path", "translation_key"}
_OWN |= {"first_published_at", "last_published_at", "latest_revision_created_at"}
_OWN |= {"latest_revision", "live_revision"}


def row(page):
    page = Page.objects.get(pk=page.pk)
    return {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}


def test_bulk_writer_leaves_pages_as_wagtails_publish_does(home):
    catalogue = procedure_catalogue()
    by_wagtail = ProcedurePage(code="1.000001", name="Đăng ký khai sinh", title="Đăng ký khai sinh")
    catalogue.add_child(instance=by_wagtail)
    by_wagtail.save_revision().publish()
    writer = LivePageWriter(procedure_catalogue())
    by_writer = ProcedurePage(
        code="1.000002", name="Đăng ký kết hôn", title="Đăng ký kết hôn", slug="dang-ky-ket-hon"
    )
    writer.create(by_writer)
    writer.flush()

    ours, theirs = row(by_writer), row(by_wagtail)
    for name in ours.keys() - {f"{n}_id" for n in _OWN} - _OWN:
        assert ours[name] == theirs[name], name
    for page in (by_wagtail, by_writer):
        page = Page.objects.get(pk=page.pk)
        assert page.latest_revision_id == page.live_revision_id is not None
        assert page.first_published_at == page.last_published_at is not None
        assert page.url_path.endswith(f"/{page.slug}/")
    assert Page.objects.get(pk=catalogue.pk).numchild == 2

    revisions = {
        page.pk: Revision.objects.get(object_id=str(page.pk)) for page in (by_wagtail, by_writer)
    }
    mine, wagtails = revisions[by_writer.pk], revisions[by_wagtail.pk]
    assert set(mine.content) == set(wagtails.content)
    for name in ("content_type_id", "base_content_type_id", "approved_go_live_at", "user_id"):
        assert getattr(mine, name) == getattr(wagtails, name), name
    assert mine.as_object().code == "1.000002"

    def actions(page):
        return sorted(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))

    assert actions(by_writer) == actions(by_wagtail) == ["wagtail.create", "wagtail.publish"]
    events = ContentEvent.objects.filter(kind="procedures.procedurepage").order_by("id")
    assert [(e.key, e.action) for e in events] == [
        ("1.000001", "created"),
        ("1.000002", "created"),
    ]


def test_an_import_run_is_the_actor_in_history_and_events(home):
    run = ImportRun.objects.create(files=["/data/thu-tuc.jsonl"])
    writer = LivePageWriter(procedure_catalogue())
    page = ProcedurePage(code="1.000003", name="Cấp CCCD", title="Cấp CCCD", slug="cap-cccd")
    with acting_as(Actor("import_content", import_run_id=run.pk, source="/data/thu-tuc.jsonl")):
        writer.create(page)
        writer.flush()
    publish = PageLogEntry.objects.get(page=page, action="portal.import")
    assert publish.data == {
        "actor": "import_content",
        "import_run": run.pk,
        "file": "thu-tuc.jsonl",
    }
    event = ContentEvent.objects.get(page_id=page.pk)
    assert (event.actor, event.import_run, event.key, event.site_id) == (
        "import_content",
        run,
        "1.000003",
        Site.objects.get(is_default_site=True).pk,
    )


def test_every_wagtail_path_records_one_event(home):
    page = ProcedurePageFactory(code="1.000004", name="Đăng ký tạm trú")
    page.title = "Đăng ký tạm trú (sửa)"
    page.save_revision().publish()
    page.unpublish()
    page.save_revision().publish()
    other = ProcedurePageFactory(code="1.000005")
    other.move(Page.objects.get(pk=home.pk), pos="last-child")
    other.delete()
    events = ContentEvent.objects.filter(kind="procedures.procedurepage").order_by("id")
    assert [(e.key, e.action) for e in events] == [
        ("1.000004", "created"),
        ("1.000004", "changed"),
        ("1.000004", "unpublished"),
        ("1.000004", "changed"),
        ("1.000005", "created"),
        ("1.000005", "moved"),
        ("1.000005", "unpublished"),  # Wagtail unpublishes a page it deletes
        ("1.000005", "deleted"),
    ]


def test_a_procedure_reimport_is_a_revision_in_history(home, jsonl):
    from .test_import_validation import run_import

    line = {"kind": "procedure", "code": "1.000006", "name": "Đăng ký kết hôn"}
    run_import(jsonl([line]))
    run_import(jsonl([line], "again.jsonl"))
    run_import(jsonl([{**line, "name": "Đăng ký kết hôn lại"}], "changed.jsonl"))
    page = ProcedurePage.objects.get()
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "data")
    )
    assert [action for action, _ in actions] == ["wagtail.create", "portal.import", "portal.import"]
    assert actions[2][1]["file"] == "changed.jsonl" and actions[2][1]["changes"] == ["name"]
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2
    events = ContentEvent.objects.filter(page_id=page.pk).order_by("id")
    assert [(e.action, e.changes) for e in events] == [("created", []), ("changed", ["name"])]


def test_expired_and_hidden_branches_are_invisible_at_read_time(home):
    catalogue = procedure_catalogue()
    expired = ProcedurePageFactory(code="1.000007", name="Thủ tục đã hết hạn")
    scheduled = ProcedurePageFactory(code="1.000008", name="Thủ tục chưa tới ngày")
    shown = ProcedurePageFactory(code="1.000009", name="Thủ tục đang áp dụng")
    past = timezone.now() - datetime.timedelta(minutes=1)
    # Live still: the publish_scheduled cron has not run, and imports may set the dates.
    Page.objects.filter(pk=expired.pk).update(expire_at=past)
    Page.objects.filter(pk=scheduled.pk).update(go_live_at=timezone.now() + datetime.timedelta(1))
    pages = ProcedurePage.objects.all()
    assert list(visible(pages).values_list("code", flat=True)) == ["1.000009"]
    assert {p.code for p in searchable_pages() if isinstance(p, ProcedurePage)} == {"1.000009"}
    assert documents_for(Page.objects.get(pk=expired.pk)) == []

    # A section that is not live hides what is under it, from every reader.
    Page.objects.filter(pk=catalogue.pk).update(live=False)
    assert not visible(pages).exists()
    assert documents_for(Page.objects.get(pk=shown.pk)) == []
