"""The page cache follows the content event log: a change to public content is served at once."""

import pytest

from django.core.cache import cache

from portal.core.publishing import consumers
from portal.procedures.factories import ProcedurePageFactory
from portal.procedures.models import ProcedurePage


@pytest.fixture
def page_cache(settings):
    settings.MIDDLEWARE = [
        "portal.core.page_cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "portal.core.page_cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_published_change_is_served_at_once_from_the_page_cache(client, home, page_cache):
    page = ProcedurePageFactory(name="Đăng ký thường trú")
    consumers.run_consumers()
    assert "Đăng ký thường trú" in client.get(page.url).content.decode()
    # Written behind the log's back: the cached page is still served.
    ProcedurePage.objects.filter(pk=page.pk).update(title="Tên chưa công bố")
    assert "Tên chưa công bố" not in client.get(page.url).content.decode()

    page = ProcedurePage.objects.get(pk=page.pk)
    page.title = page.name = "Đăng ký thường trú (mới)"
    page.save_revision().publish()
    consumers.run_consumers()
    assert "Đăng ký thường trú (mới)" in client.get(page.url).content.decode()
