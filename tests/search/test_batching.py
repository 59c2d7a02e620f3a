"""Index updates are coalesced per transaction: an import is a handful of engine writes."""

import pytest

from django.core.management import call_command
from django.db import transaction

import search
from portal.core.importing import runner
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedurePage
from search.requests import SearchRequest


@pytest.fixture
def writes(engine, monkeypatch):
    """The real engine, counting its index writes."""
    calls = []
    replace_pages = type(engine).replace_pages

    def counting(self, page_ids, documents):
        calls.append(sorted(page_ids))
        return replace_pages(self, page_ids, documents)

    monkeypatch.setattr(type(engine), "replace_pages", counting)
    return calls


def found(engine, text, **kwargs):
    request = SearchRequest(text=text, page_size=50, **kwargs)
    return {hit.id for hit in engine.search(request).hits}


def procedure_line(number):
    return {
        "kind": "procedure",
        "code": f"9.{number:06d}",
        "name": f"Cấp giấy phép khai thác khoáng sản số {number}",
        "audiences": ["citizen"],
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_import_of_many_procedures_is_a_few_index_writes(engine, writes, jsonl, monkeypatch):
    monkeypatch.setattr(runner, "BATCH_SIZE", 10)
    call_command("import_content", str(jsonl([procedure_line(n) for n in range(30)])))
    assert len(writes) <= 4  # one per committed batch of 10 lines, plus the importer's finish
    written = {pk for ids in writes for pk in ids}
    assert written >= set(ProcedurePage.objects.values_list("pk", flat=True))
    codes = found(engine, "giay phep khai thac khoang san", kinds=["procedure"])
    assert codes == {f"9.{n:06d}" for n in range(30)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rollback_discards_its_pages_but_not_later_ones(engine, writes, home):
    first = ProcedurePageFactory(code="1.000001", name="Đăng ký khai sinh")
    second = ProcedurePageFactory(code="1.000002", name="Đăng ký kết hôn")
    writes.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        search.pages_changed([first.pk])
        raise RuntimeError("the editor's save failed")
    with transaction.atomic():
        search.pages_changed([second.pk])
    assert writes == [[second.pk]]
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint registers the callback, then rolls back
                search.pages_changed([first.pk])
                raise RuntimeError("one line failed")
        except RuntimeError:
            pass
        search.pages_changed([second.pk])
    assert writes == [[second.pk], [second.pk]]
    assert found(engine, "dang ky", kinds=["procedure"]) >= {"1.000002"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_each_change_is_written_at_once(engine, writes, home):
    page = ProcedurePageFactory(code="1.000003", name="Cấp đổi giấy phép lái xe")
    writes.clear()
    search.pages_changed([page.pk])
    assert writes == [[page.pk]]
    assert found(engine, "giay phep lai xe") == {"1.000003"}


def test_procedures_published_in_one_transaction_are_one_write(engine, writes, home, committed):
    with committed():
        writes.clear()
        pages = [ProcedurePageFactory(name=f"Cấp phép xả thải số {n}") for n in range(5)]
    assert len(writes) == 1 and set(writes[0]) >= {page.pk for page in pages}
    assert found(engine, "cap phep xa thai") == {page.code for page in pages}
