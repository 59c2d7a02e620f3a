"""The Elasticsearch engine: versioned indices behind an alias, bulk indexing, atomic swaps.

The alias `<prefix>-entries` always points at exactly one index `<prefix>-entries-<version>`;
`rebuild()` fills a new version and moves the alias in one `_aliases` call.

Refreshes: a rebuild loads its new index with refreshes off and no replicas, then turns both on
and refreshes once before the swap. Incremental updates run in background tasks and return only
once their change is searchable (see `index()` and `replace_pages()`), without forcing a refresh
per bulk request.
"""

import contextlib
import datetime
import time
import uuid

from elasticsearch import (
    ApiError,
    ConnectionError,  # noqa: A004 - Elasticsearch's, not the builtin
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    TransportError,
)
from elasticsearch.dsl import Index
from elasticsearch.helpers import BulkIndexError, bulk, scan

from django.conf import settings

from ...documents import content_hash
from .. import EngineUnavailable, SearchEngine, keys_of
from .mapping import SCHEMA_VERSION, Entry
from .reading import Reading

ERRORS = (ApiError, TransportError, BulkIndexError)
WRITE_TIMEOUT = 60

# While a rebuild loads its new index nobody searches it: no refreshes, no replicas to copy to.
LOADING_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0}


def serving_settings():
    """The settings of an index in use; None puts Elasticsearch's default refresh back (1 s,
    paused while a shard sees no searches)."""
    return {"refresh_interval": None, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}


class ElasticsearchEngine(Reading, SearchEngine):
    name = "elasticsearch"

    def __init__(self, url, prefix, client=None):
        # ELASTICSEARCH_URL may name several nodes, comma-separated: a request that cannot reach
        # one goes to the next (each node tried once), so losing a node of the cluster loses no
        # request. A short timeout: a cluster that accepts connections but does not answer must
        # not hold a web worker (and the visitor) for long; writes run in background tasks.
        hosts = [host.strip() for host in url.split(",") if host.strip()]
        self.client = client or Elasticsearch(
            hosts,
            request_timeout=settings.ELASTICSEARCH_TIMEOUT,
            max_retries=len(hosts) - 1,
            retry_on_timeout=False,
        )
        self.alias = f"{prefix}-entries"
        self._ready = False
        self._down_until = 0.0

    def _call(self, function, *args, **kwargs):
        """Call the cluster, or fail at once while it is known to be down (a circuit breaker:
        after a connection failure or timeout, every call answers EngineUnavailable for
        ELASTICSEARCH_BREAKER_SECONDS instead of waiting for the timeout again)."""
        if time.monotonic() < self._down_until:
            raise EngineUnavailable("Elasticsearch is unreachable; not retried yet")
        try:
            return function(*args, **kwargs)
        except (ConnectionError, ConnectionTimeout) as error:
            self._down_until = time.monotonic() + settings.ELASTICSEARCH_BREAKER_SECONDS
            raise EngineUnavailable(f"Elasticsearch: {error}") from error
        except ERRORS as error:
            raise EngineUnavailable(f"Elasticsearch: {error}") from error

    def _create_index(self, **overrides):
        name = f"{self.alias}-{datetime.datetime.now():%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
        index = Index(name, using=self._writer)
        index_settings = {
            "number_of_shards": settings.ELASTICSEARCH_SHARDS,
            "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
            **overrides,
        }
        index.settings(**index_settings)
        index.mapping(Entry._doc_type.mapping)
        index.create()
        return name

    def _ensure_alias(self):
        if self._ready:
            return
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._call(self._create_index)
            self._call(
                self._writer.indices.update_aliases,
                actions=[{"add": {"index": name, "alias": self.alias}}],
            )
        self._ready = True

    @property
    def _writer(self):
        """The client for writes and changes to indices, which run in background tasks and
        commands and may take longer (creating an index waits for its shards to start)."""
        return self.client.options(request_timeout=WRITE_TIMEOUT)

    def _bulk(self, actions, index, **params):
        self._call(bulk, self._writer, actions, index=index, **params)

    def _mark_written(self, index):
        """Record in the index's mapping metadata that it changed, once the change is
        searchable: what `stamp()` reads, so cached search answers follow the index itself (a
        bare `search_index sync` too), not the consumer's position."""
        meta = {
            "schema_version": SCHEMA_VERSION,
            "written": datetime.datetime.now(datetime.UTC).isoformat(),
            "serial": uuid.uuid4().hex,
        }
        self._call(self._writer.indices.put_mapping, index=index, meta=meta)

    @staticmethod
    def _actions(documents):
        for doc in documents:
            source = Entry.from_document(doc).to_dict()
            source["content_hash"] = content_hash(doc)
            yield {"_id": doc.key, "_source": source}

    # Interface.
    # index() and remove() serve `search_index sync` and tests, which read right after writing;
    # wait_for returns at the next scheduled refresh instead of forcing one per request.
    def index(self, documents):
        self._ensure_alias()
        self._bulk(self._actions(documents), self.alias, refresh="wait_for")
        self._mark_written(self.alias)

    def remove(self, keys_or_documents):
        self._ensure_alias()
        actions = ({"_op_type": "delete", "_id": key} for key in keys_of(keys_or_documents))
        try:
            self._call(
                bulk,
                self._writer,
                actions,
                index=self.alias,
                refresh="wait_for",
                raise_on_error=False,
            )
        except ERRORS as error:
            raise EngineUnavailable(f"Elasticsearch: {error}") from error
        self._mark_written(self.alias)

    def replace_pages(self, page_ids, documents):
        """Index the new entries first (same keys overwrite in place), then delete the pages'
        other entries: a page is never missing from search in between."""
        self._ensure_alias()
        self._replace_in(self.alias, page_ids, documents)

    def _replace_in(self, index, page_ids, documents):
        documents = list(documents)
        self._bulk(self._actions(documents), index)
        query = {"bool": {"filter": [{"terms": {"page": [int(p) for p in page_ids]}}]}}
        if documents:
            query["bool"]["must_not"] = [{"ids": {"values": [doc.key for doc in documents]}}]
        # The pages' other entries, read from what is searchable now, deleted by id (not
        # delete_by_query, which lives in the reindex module that some clusters leave out). One
        # refresh then publishes both, so new and removed entries show together, once per task
        # (an import batch, a publish).
        stale = self._call(
            lambda: [hit["_id"] for hit in scan(self.client, index=index, query={"query": query})]
        )
        deletions = [{"_op_type": "delete", "_id": key} for key in stale]
        if deletions:
            self._call(bulk, self._writer, deletions, index=index, raise_on_error=False)
        self._call(self._writer.indices.refresh, index=index)
        self._mark_written(index)

    def rebuild(self, documents, progress=None, before_swap=None):
        name = self._call(self._create_index, **LOADING_SETTINGS)
        try:
            count = self._load(name, documents, progress)
            if before_swap is not None:
                before_swap(lambda page_ids, docs: self._replace_in(name, page_ids, docs))
        except BaseException:
            # A half-built index, unrefreshed and without replicas, must not linger.
            with contextlib.suppress(*ERRORS):
                self._writer.indices.delete(index=name, ignore_unavailable=True)
            raise
        try:
            previous = list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            previous = []
        except ERRORS as error:
            raise EngineUnavailable(f"Elasticsearch: {error}") from error
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in previous]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self._call(self._writer.indices.update_aliases, actions=actions)
        for old in previous:
            self._call(self._writer.indices.delete, index=old, ignore_unavailable=True)
        self._ready = True
        self._mark_written(self.alias)
        return count

    def _load(self, name, documents, progress):
        """Bulk into the new index without refreshing, then make it ready to serve."""
        count = 0

        def counted():
            nonlocal count
            for action in self._actions(documents):
                count += 1
                if progress and count % 1000 == 0:
                    progress(count)
                yield action

        self._bulk(counted(), name)
        self._call(
            self._writer.indices.put_settings, index=name, settings={"index": serving_settings()}
        )
        self._call(self._writer.indices.refresh, index=name)
        return count

    def delete_all(self):
        """Remove every index of this prefix (tests)."""
        self._call(self._writer.indices.delete, index=f"{self.alias}-*", ignore_unavailable=True)
        self._ready = False

    def keys(self):
        self._ensure_alias()
        hits = self._call(lambda: list(scan(self.client, index=self.alias, _source=["key"])))
        return {hit["_source"]["key"] for hit in hits}

    def fingerprints(self):
        self._ensure_alias()
        fields = ["key", "content_hash"]
        hits = self._call(lambda: list(scan(self.client, index=self.alias, _source=fields)))
        return {hit["_source"]["key"]: hit["_source"].get("content_hash") for hit in hits}

    def stamp(self):
        """(the serving index's name and last write mark, when that write happened); None while
        no index exists yet."""
        try:
            mappings = self._call(self.client.indices.get_mapping, index=self.alias)
        except EngineUnavailable as error:
            if isinstance(error.__cause__, NotFoundError):
                return None
            raise
        # One index behind the alias, but never a 500 if a failed swap left two: both name it.
        state, changed = [], None
        for name, index in sorted(mappings.body.items()):
            meta = index.get("mappings", {}).get("_meta", {})
            state.append(f"{name}:{meta.get('serial', '')}")
            if meta.get("written"):
                written = datetime.datetime.fromisoformat(meta["written"])
                changed = max(changed, written) if changed else written
        return ",".join(state), changed

    def is_current(self):
        """Whether the index behind the alias has this version's mapping (else `search_index
        sync` rebuilds it). No index yet is current: the first write creates one."""
        try:
            mappings = self.client.indices.get_mapping(index=self.alias)
        except NotFoundError:
            return True
        except ERRORS as error:
            raise EngineUnavailable(f"Elasticsearch: {error}") from error
        versions = {
            index.get("mappings", {}).get("_meta", {}).get("schema_version")
            for index in mappings.body.values()
        }
        return versions == {SCHEMA_VERSION}

    def healthy(self):
        """Through the circuit breaker: while the cluster is known to be down (a node that
        hangs), /readyz answers at once instead of waiting the timeout on every call."""
        try:
            self._call(self.client.info)
        except EngineUnavailable:
            return False
        return True
