"""A search whose analytics log cannot be written (the database refuses the insert, as SQLite
busy with an import did) is answered all the same, on the API and the search page."""

import pytest

from django.db import connection

from .test_analytics import indexed  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusing_log():
    """The query log refuses every insert, as a database that stays locked would."""
    if connection.vendor != "sqlite":
        pytest.skip("the refusing trigger is written for SQLite")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TRIGGER refuse_query_log BEFORE INSERT ON search_querylog "
            "BEGIN SELECT RAISE(ABORT, 'database is locked'); END"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse_query_log")


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
@pytest.mark.usefixtures("indexed", "refusing_log")
def test_a_search_is_answered_when_its_log_cannot_be_written(client):
    from search.models import QueryLog

    api = client.get("/api/search/", {"q": "tạm trú"})
    page = client.get("/tim-kiem/", {"q": "tạm trú"})

    assert api.status_code == 200 and api.json()["total"] == 2
    assert page.status_code == 200 and "Đăng ký tạm trú" in page.content.decode()
    assert not QueryLog.objects.exists()
