import json
import os
from pathlib import Path

import pytest

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from portal.core.site_structure import ensure_home
from tests.needs import unavailable

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture
def corpus():
    """The shared corpus of real public data, which CI places beside the repository."""
    if not CORPUS_DIR.is_dir():
        unavailable(f"the shared corpus is not at {CORPUS_DIR}")
    return CORPUS_DIR


def elasticsearch_wanted():
    """Whether tests run on Elasticsearch as well as the embedded engine: always under CI=true,
    and when ELASTICSEARCH_URL names a cluster or TEST_ELASTICSEARCH=1 asks for a node."""
    return (
        os.environ.get("CI") == "true"
        or bool(os.environ.get("ELASTICSEARCH_URL"))
        or os.environ.get("TEST_ELASTICSEARCH") == "1"
    )


@pytest.fixture(scope="session")
def elasticsearch_url(tmp_path_factory):
    """A real Elasticsearch: the cluster ELASTICSEARCH_URL names, else one node (search/node/)
    started once for the test run and stopped at its end. One that cannot start fails the tests
    that need it under CI=true, and skips them elsewhere."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield url
        return
    cluster = start_cluster(tmp_path_factory, 1)
    yield cluster.url
    cluster.stop()


def start_cluster(tmp_path_factory, size, heap=None):
    """`size` real nodes of search/node/ on free ports (a node of `make elasticsearch`, or another
    test run, may be on this machine); one that cannot start fails under CI=true."""
    from search.localnode import DEFAULT_HEAP, Cluster, NodeError, free_ports

    try:
        home = tmp_path_factory.mktemp(f"elasticsearch{size}")
        cluster = Cluster(home, size, heap or DEFAULT_HEAP, free_ports(size))
        cluster.start()
    except NodeError as error:
        unavailable(f"no Elasticsearch cluster of {size} could start: {error}")
    return cluster


@pytest.fixture
def home(db):
    return ensure_home("vi")


@pytest.fixture
def english_home(home):
    return ensure_home("en")


@pytest.fixture
def jsonl(tmp_path):
    """Write lines (dicts, or raw strings for broken input) to a JSON Lines file."""

    def write(lines, name="import.jsonl"):
        path = tmp_path / name
        path.write_text(
            "".join(
                (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                for line in lines
            ),
            encoding="utf-8",
        )
        return path

    return write


@pytest.fixture
def log_reader():
    """A consumer of the content event log beside the real ones ("test_reader"): the events it
    read, in order."""
    from portal.core.publishing import consumers

    seen = []
    consumers.register_consumer("test_reader")(seen.extend)
    yield seen
    consumers._consumers.pop("test_reader")


@pytest.fixture
def make_agency_site(home, english_home):
    """Create a provincial department's site (portal/core/agencies.py), the national site being
    the ministry's: `make_agency_site("hanoi.localhost", "Hà Nội")`."""
    from portal.core.agencies import Agency, create_agency_site

    def make(hostname, province, name=None, **fields):
        name = name or f"Sở Nông nghiệp và Môi trường {province}"
        return create_agency_site(
            Agency(name=name, hostname=hostname, province=province, **fields)
        )[0]

    return make


@pytest.fixture
def content_cache(settings):
    """The per-process cache of values derived from content (portal/core/content_cache.py), on
    as in production and empty at the start."""
    from portal.core import content_cache as cache

    settings.CONTENT_CACHE = True
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def page_cache(settings, content_cache):
    """The page cache on, as in production, with nothing cached at the start or left after."""
    from django.core.cache import cache

    from portal.core import page_cache as page_cache_module

    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    page_cache_module.local.clear()
    yield
    cache.clear()
    page_cache_module.local.clear()


@pytest.fixture
def page_queries(client, content_cache, settings):
    """The SQL queries of one anonymous page view as a running worker serves it without the page
    cache: after a first request (`warm_up`, another page) has filled the caches every page
    shares. `response, queries = page_queries(url, warm_up="/")`."""
    settings.PAGE_CACHE_SECONDS = 0

    def measure(url, warm_up="/"):
        assert client.get(warm_up).status_code == 200, warm_up
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return response, [query["sql"] for query in queries.captured_queries]

    return measure
