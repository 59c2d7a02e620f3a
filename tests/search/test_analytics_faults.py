"""A search whose analytics log cannot be written (the database refuses the insert, as SQLite
busy with an import did) is answered all the same, on the API and the search page."""

import pytest

from django.db import connection

from .test_analytics import indexed  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


SQLITE_TRIGGER = (
    "CREATE TEMP TRIGGER refuse_query_log BEFORE INSERT ON search_querylog "
    "BEGIN SELECT RAISE(ABORT, 'database is locked'); END",
    "DROP TRIGGER refuse_query_log",
)
POSTGRESQL_TRIGGER = (
    "CREATE FUNCTION refuse_query_log() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'could not obtain lock on relation search_querylog' "
    "USING ERRCODE = '55P03'; END $$ LANGUAGE plpgsql; "
    "CREATE TRIGGER refuse_query_log BEFORE INSERT ON search_querylog "
    "FOR EACH ROW EXECUTE FUNCTION refuse_query_log()",
    "DROP TRIGGER refuse_query_log ON search_querylog; DROP FUNCTION refuse_query_log()",
)


@pytest.fixture
def refusing_log():
    """The query log refuses every insert, as a database that stays locked would."""
    create, drop = SQLITE_TRIGGER if connection.vendor == "sqlite" else POSTGRESQL_TRIGGER
    with connection.cursor() as cursor:
        cursor.execute(create)
    yield
    with connection.cursor() as cursor:
        cursor.execute(drop)


@pytest.mark.parametrize("engine", ["embedded"], indirect=True)
@pytest.mark.usefixtures("indexed", "refusing_log")
def test_a_search_is_answered_when_its_log_cannot_be_written(client):
    from search.models import QueryLog

    api = client.get("/api/search/", {"q": "tạm trú"})
    page = client.get("/tim-kiem/", {"q": "tạm trú"})

    assert api.status_code == 200 and api.json()["total"] == 2
    assert page.status_code == 200 and "Đăng ký tạm trú" in page.content.decode()
    assert not QueryLog.objects.exists()
