"""/healthz (the process answers) and /readyz (database, cache and search engine answer) for
load balancers: never cached, reachable with any Host header, 503 naming what failed."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def working_index(settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


def test_healthz_answers_with_any_host_and_is_never_cached(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_names_every_part_when_all_answer(client, working_index, settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    response = client.get("/readyz", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: part["status"] for name, part in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "search": "ok",
        "email": "not configured",
    }
    assert body["checks"]["search"]["engine"] == "embedded"
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_naming_the_search_engine_when_the_index_is_unreadable(
    client, settings, tmp_path
):
    not_a_folder = tmp_path / "index"
    not_a_folder.write_text("this is not an index")
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = not_a_folder

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing: search"
    assert body["checks"]["search"]["status"] == "failing"
    assert body["checks"]["database"]["status"] == "ok"
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_naming_the_cache_when_redis_does_not_answer(client, settings, working_index):
    # A real Redis client against a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["status"] == "failing"
    assert response.json()["status"] == "failing: cache"
