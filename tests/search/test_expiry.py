"""A page stops being found the moment it expires, whatever the scheduled re-index or the
publish_scheduled cron has done since: both engines filter on the expiry written with it."""

import datetime

from django.utils import timezone

from portal.procedures.factories import ProcedurePageFactory
from search.collect import documents_for
from search.features import NEVER_EXPIRES
from search.requests import SearchRequest

from .conftest import procedure
from .es_recording import calls
from .test_elasticsearch_requests import search_body


def test_an_entry_past_its_expiry_is_neither_found_nor_suggested_nor_counted(engine):
    now = timezone.now()
    engine.index(
        [
            procedure("1.000001", "Cấp phép khai thác cát", expires=now - datetime.timedelta(1)),
            procedure(
                "1.000002", "Cấp phép khai thác khoáng sản", expires=now + datetime.timedelta(1)
            ),
            procedure("1.000003", "Cấp phép khai thác nước dưới đất"),
        ]
    )
    result = engine.search(SearchRequest(text="cap phep khai thac"))
    assert {hit.id for hit in result.hits} == {"1.000002", "1.000003"}
    assert result.total == 2
    assert [count.count for count in result.facets["kind"]] == [2]
    assert {s.id for s in engine.suggest("cấp phép khai")} == {"1.000002", "1.000003"}


def test_a_page_is_indexed_with_its_expire_at(home):
    expires = timezone.now() + datetime.timedelta(days=3)
    page = ProcedurePageFactory(name="Cấp phép tạm thời", expire_at=expires)
    lasting = ProcedurePageFactory(name="Cấp phép lâu dài")
    assert {doc.expires for doc in documents_for(page)} == {expires}
    assert {doc.expires for doc in documents_for(lasting)} == {None}


def test_elasticsearch_filters_search_and_suggest_on_the_expiry(recorded):
    before = int(timezone.now().timestamp())
    body = search_body(recorded, "cấp phép")
    recorded.suggest("cấp phép")
    suggest = calls("POST", "/portal-entries/_search")[-1]
    after = int(timezone.now().timestamp()) + 1
    for filters in (body["query"]["function_score"]["query"]["bool"]["filter"], str(suggest)):
        assert "expires" in str(filters)
    expiry = next(
        f
        for f in body["query"]["function_score"]["query"]["bool"]["filter"]
        if "range" in f and "expires" in f["range"]
    )
    assert before < expiry["range"]["expires"]["gte"] <= after < NEVER_EXPIRES
