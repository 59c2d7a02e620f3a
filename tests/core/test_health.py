"""/healthz (the process answers) and /readyz (database, cache and search engine answer) for
load balancers: never cached, reachable with any Host header, 503 naming what failed."""

import contextlib
import datetime
import socket

import pytest

from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def working_index(settings, tmp_path):
    """An embedded index that was built (a missing one is lost once the consumer has read)."""
    from search.engines import get_engine

    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild([])


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
        "worker": "ok",
        "consumers": "ok",
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


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.READYZ_WORKER_SILENCE = 300


def waiting_task(minutes):
    """A task enqueued `minutes` ago that no worker has taken."""
    from django_tasks_db.models import DBTaskResult

    from portal.core.publishing.consumers import process_content_events

    result = process_content_events.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


@pytest.mark.usefixtures("database_tasks")
def test_readyz_is_503_naming_the_worker_when_none_was_seen_while_tasks_wait(client, working_index):
    waiting_task(minutes=20)

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing: worker"
    assert "no worker seen" in body["checks"]["worker"]["error"]
    assert body["checks"]["database"]["status"] == "ok"


@pytest.mark.usefixtures("database_tasks")
def test_readyz_is_ok_while_a_worker_is_seen_or_tasks_are_fresh(client, working_index):
    from portal.core.background import worker_seen

    waiting_task(minutes=1)
    assert client.get("/readyz").status_code == 200

    waiting_task(minutes=20)
    worker_seen()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["last_seen_seconds"] == 0


def test_readyz_is_503_naming_a_consumer_that_fell_behind(client, working_index, settings):
    from portal.core.models import ConsumerState, ContentEvent
    from portal.core.publishing.consumers import consumers

    settings.READYZ_CONSUMER_LAG = 600
    ContentEvent.objects.create(
        kind="news.newspage",
        key="tin-moi",
        action="created",
        timestamp=timezone.now() - datetime.timedelta(minutes=20),
    )
    names = sorted(consumers())
    head = ContentEvent.objects.latest("id").id
    for name in names[1:]:
        ConsumerState.objects.update_or_create(name=name, defaults={"position": head})

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing: consumers"
    assert f"{names[0]} (1 events behind)" in body["checks"]["consumers"]["error"]
    for name in names[1:]:
        assert name + " (" not in body["checks"]["consumers"]["error"]


def test_readyz_waits_for_a_hanging_elasticsearch_node_once_not_on_every_call(client, settings):
    # A node that accepts connections and never answers: the kernel completes the handshakes,
    # nobody reads the requests.
    node = socket.socket()
    node.bind(("127.0.0.1", 0))
    node.listen(16)
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{node.getsockname()[1]}"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    settings.ELASTICSEARCH_BREAKER_SECONDS = 600

    answers = [client.get("/readyz") for _ in range(3)]

    node.setblocking(False)
    connections = []
    with contextlib.suppress(BlockingIOError):
        while True:
            connections.append(node.accept()[0])
    for connection in connections:
        connection.close()
    node.close()
    assert [answer.status_code for answer in answers] == [503, 503, 503]
    assert {answer.json()["checks"]["search"]["error"] for answer in answers} == {
        "the elasticsearch search engine does not answer"
    }
    assert len(connections) == 1  # the later calls answered from the circuit breaker
