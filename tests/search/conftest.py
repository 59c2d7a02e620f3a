import datetime
import os
from contextlib import contextmanager

import pytest

from portal.core.publishing.oncommit import flush_pending
from search.batching import PENDING
from search.documents import SearchDocument
from search.engines import get_engine
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.embedded import EmbeddedEngine
from tests.conftest import elasticsearch_wanted

ENGINES = ["embedded"] + (["elasticsearch"] if elasticsearch_wanted() else [])


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path, settings, db):
    """A fresh, empty engine of each kind; the one get_engine() returns during the test."""
    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        settings.SEARCH_INDEX_DIR = tmp_path / "index"
        engine = get_engine()
        assert isinstance(engine, EmbeddedEngine)
    else:
        settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_url")
        settings.ELASTICSEARCH_INDEX_PREFIX = f"test{os.getpid()}"
        # One node has nowhere to put a replica.
        settings.ELASTICSEARCH_REPLICAS = 0
        engine = get_engine()
        assert isinstance(engine, ElasticsearchEngine)
    engine.rebuild([])
    yield engine
    if request.param == "elasticsearch":
        engine.delete_all()


@pytest.fixture
def recorded(db):
    """An Elasticsearch engine talking to a recording node (es_recording), whose alias exists and
    points at `portal-entries-old`."""
    from elasticsearch import Elasticsearch

    from .es_recording import EMPTY_SEARCH, RecordingNode

    RecordingNode.calls = []
    RecordingNode.answers = {
        ("HEAD", "/_alias/portal-entries"): {},
        ("POST", "/portal-entries/_search"): EMPTY_SEARCH,
        ("GET", "/_alias/portal-entries"): {"portal-entries-old": {}},
    }
    client = Elasticsearch("http://recording:9200", node_class=RecordingNode)
    return ElasticsearchEngine("http://recording:9200", "portal", client=client)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose on_commit callbacks run at its end, as if the transaction committed there.

    A test's transaction never commits, and index updates (content event consumers, and direct
    page updates) are coalesced per transaction: what is pending from the test's set-up
    (creating the home page) is sent first, so the block gets a run of its own."""

    @contextmanager
    def block():
        flush_pending("content_events")
        flush_pending(PENDING)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


def procedure(code, name, **kwargs):
    return SearchDocument(
        kind="procedure", id=code, title=name, url=f"/thu-tuc/{code}/", identifiers=[code], **kwargs
    )


def legal(number, title, **kwargs):
    return SearchDocument(
        kind="legal",
        id=number,
        title=title,
        url=f"/van-ban/{number.replace('/', '-')}/",
        identifiers=[number],
        **kwargs,
    )


def article(number, title, article_number, text):
    return SearchDocument(
        kind="legal",
        id=number,
        title=f"{title} – Điều {article_number}",
        url=f"/van-ban/{number.replace('/', '-')}/#dieu-{article_number}",
        identifiers=[number],
        body=text,
        article=article_number,
    )


def news(slug, title, body="", date=None, **kwargs):
    return SearchDocument(
        kind="news", id=slug, title=title, url=f"/tin-tuc/{slug}/", body=body, date=date, **kwargs
    )


TODAY = datetime.date(2025, 6, 1)
