"""The admin's own search (Wagtail's backend) runs on Elasticsearch when the portal does, and
finds what editors type as citizens do, without marks."""

import time

import pytest

from django.core.management import call_command
from django.urls import reverse

from portal.procedures.factories import ProcedurePageFactory
from portal.settings.base import wagtail_search_backend
from tests.conftest import elasticsearch_wanted

pytestmark = pytest.mark.skipif(
    not elasticsearch_wanted(),
    reason="Elasticsearch nodes start under CI=true or TEST_ELASTICSEARCH=1",
)


@pytest.fixture
def wagtail_on_elasticsearch(elasticsearch_url, settings):
    backend = wagtail_search_backend(elasticsearch_url, f"admin{time.monotonic_ns()}")
    backend["INDEX_SETTINGS"]["settings"]["index"]["number_of_replicas"] = 0  # one node
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    yield backend
    from elasticsearch import Elasticsearch

    Elasticsearch(backend["URLS"]).indices.delete(
        index=f"{backend['INDEX_PREFIX']}*", ignore_unavailable=True
    )


def test_editors_find_pages_typed_without_marks(wagtail_on_elasticsearch, admin_client, home):
    wanted = ProcedurePageFactory(name="Cấp giấy phép khai thác nước dưới đất")
    other = ProcedurePageFactory(name="Đăng ký tạm trú")
    call_command("update_index", verbosity=0)

    for typed in ("giay phep khai thac", "giấy phép khai thác"):
        answer = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": typed})
        page = answer.content.decode()
        assert wanted.title in page, typed
        assert other.title not in page
