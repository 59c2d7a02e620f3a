"""Search is a consumer of the content event log: it catches up after being down, a rebuild
loses nothing published meanwhile, and `sync` repairs stale entries."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from portal.core.models import ConsumerState, ContentEvent
from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedurePage
from search.collect import all_documents
from search.management.commands.search_index import rebuild
from search.requests import SearchRequest


def found(engine, text):
    return {hit.id for hit in engine.search(SearchRequest(text=text, page_size=50)).hits}


def retitle(page, name):
    page.name = page.title = name
    page.save_revision().publish()


def test_a_rebuild_during_concurrent_publishing_loses_no_page(engine, home, committed):
    with committed():
        first = ProcedurePageFactory(name="Cấp phép khai thác nước dưới đất")
        ProcedurePageFactory(name="Cấp phép thăm dò nước dưới đất")
    late = {}

    def documents_while_editors_publish():
        for position, doc in enumerate(all_documents()):
            yield doc
            if position == 0:
                # Published while the new index is being built: the consumer writes these to
                # the index still serving, which the swap replaces.
                with committed():
                    retitle(ProcedurePage.objects.get(pk=first.pk), "Cấp phép xả thải vào nguồn")
                    late["page"] = ProcedurePageFactory(name="Cấp phép xả thải ra biển")

    rebuild(engine, documents=documents_while_editors_publish())

    assert found(engine, "xa thai") == {first.code, late["page"].code}
    assert first.code not in found(engine, "khai thac nuoc duoi dat")


def test_sync_repairs_a_stale_entry_and_says_so(engine, home, committed):
    with committed():
        page = ProcedurePageFactory(name="Cấp phép khai thác khoáng sản")
    # The page changes behind the log's back (a restore, a manual fix in the database).
    ProcedurePage.objects.filter(pk=page.pk).update(
        name="Cấp phép thăm dò khoáng sản", title="Cấp phép thăm dò khoáng sản"
    )
    assert found(engine, "tham do khoang san") == set()

    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "0 entries added, 1 stale entries updated, 0 removed" in out.getvalue()
    assert f"updated: procedure:vi:{page.code}" in out.getvalue()
    assert found(engine, "tham do khoang san") == {page.code}

    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "0 entries added, 0 stale entries updated, 0 removed" in out.getvalue()


def test_a_failing_consumer_retries_with_back_off_and_catches_up(
    engine, home, settings, tmp_path, log_reader
):
    consumers.run_consumers()  # both read the set-up's events
    healthy = (settings.SEARCH_INDEX_DIR, settings.ELASTICSEARCH_URL)
    if engine.name == "embedded":
        blocked = tmp_path / "not-a-directory"
        blocked.write_text("")
        settings.SEARCH_INDEX_DIR = blocked / "index"  # the engine cannot open its index
    else:
        settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing answers there

    page = ProcedurePageFactory(name="Cấp giấy phép môi trường")
    first_try = {outcome.name: outcome for outcome in consumers.run_consumers()}
    assert "EngineUnavailable" in first_try["search"].error
    assert first_try["test_reader"].read >= 1 and not first_try["test_reader"].error
    state = ConsumerState.objects.get(name="search")
    assert state.attempts == 1 and state.retry_at > timezone.now()
    assert state.position < ContentEvent.objects.latest("id").id

    out = StringIO()
    call_command("content_events", "status", stdout=out)
    assert "search: position" in out.getvalue() and "FAILING (1 attempts" in out.getvalue()

    # Before the delay is over, the consumer waits; a second failure doubles the delay.
    assert consumers.run_consumer("search").waiting
    later = state.retry_at + datetime.timedelta(seconds=1)
    consumers.run_consumer("search", now=later)
    second = ConsumerState.objects.get(name="search")
    assert second.attempts == 2
    assert second.retry_at == later + consumers.retry_delay(2) > later + consumers.retry_delay(1)

    settings.SEARCH_INDEX_DIR, settings.ELASTICSEARCH_URL = healthy
    outcome = consumers.run_consumer("search", now=second.retry_at + datetime.timedelta(seconds=1))
    assert outcome.read >= 1 and not outcome.error
    assert found(engine, "giay phep moi truong") == {page.code}
    recovered = ConsumerState.objects.get(name="search")
    assert (recovered.attempts, recovered.last_error, recovered.retry_at) == (0, "", None)
    assert recovered.position == ContentEvent.objects.latest("id").id


def test_a_page_due_to_expire_is_indexed_again_when_it_expires(engine, home, settings):
    """The worker re-indexes a page at its `expire_at` (and `go_live_at`), not the cron."""
    from django_tasks import default_task_backend

    consumers.run_consumers()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    expires = timezone.now() + datetime.timedelta(days=2)
    page = ProcedurePageFactory(name="Cấp phép tạm thời", expire_at=expires)
    consumers.run_consumer("search")
    due = [
        (result.task.run_after, result.args)
        for result in default_task_backend.results
        if result.task.name == "update_pages"
    ]
    assert due == [(expires, [[page.pk]])]
    assert found(engine, "cap phep tam thoi") == {page.code}
