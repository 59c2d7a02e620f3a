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

from ... import reranking
from ...documents import content_hash
from ...ranking import newest_first_within_tiers
from ...requests import FACETS, FacetCount, Hit, SearchResult, Suggestion
from ...spelling import corrections, suggestion, words_to_write
from .. import EngineUnavailable, SearchEngine, keys_of
from . import highlight, spelling
from .mapping import LABEL_SEPARATOR, SCHEMA_VERSION, Entry
from .queries import QueryBuilder, unexpired

ERRORS = (ApiError, TransportError, BulkIndexError)
WRITE_TIMEOUT = 60

# While a rebuild loads its new index nobody searches it: no refreshes, no replicas to copy to.
LOADING_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0}


def serving_settings():
    """The settings of an index in use; None puts Elasticsearch's default refresh back (1 s,
    paused while a shard sees no searches)."""
    return {"refresh_interval": None, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}


class ElasticsearchEngine(SearchEngine):
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
        try:
            return bool(self.client.ping())
        except ERRORS:
            return False

    def _search(self, query, request):
        self._ensure_alias()
        body = QueryBuilder(query, request).body()
        source = highlight.SOURCE
        questioning = reranking.applies(query, request)
        looking_up = request.sort != "newest" and query.lookup is not None
        if looking_up:
            source = {"includes": [*source["includes"], "day"]}
        if questioning:
            # A question's first results come with their text, to be reordered as the embedded
            # engine reorders them.
            body.update({"from": 0, "size": reranking.window(request)})
            source = {"includes": [*source["includes"], "body"]}
        response = self._call(
            self.client.search,
            index=self.alias,
            highlight=highlight.HIGHLIGHT,
            source=source,
            **body,
        )
        found = response["hits"]["hits"]
        if looking_up:
            scored = [(hit["_score"] or 0.0, hit) for hit in found]
            ranked = newest_first_within_tiers(scored, lambda hit: hit["_source"].get("day"))
            end = request.offset + request.page_size
            found = [hit for _, hit in ranked][request.offset : end]
        hits = [self._hit(hit) for hit in found]
        if questioning:
            end = request.offset + request.page_size
            hits = reranking.rerank(query, hits)[request.offset : end]
        facets = {}
        for name in FACETS:
            buckets = response.get("aggregations", {}).get(name, {}).get("values", {})
            counts = []
            for bucket in buckets.get("buckets", []):
                value, _, label = bucket["key"].partition(LABEL_SEPARATOR)
                counts.append(FacetCount(value=value, label=label, count=bucket["doc_count"]))
            if counts:
                facets[name] = counts
        return SearchResult(total=response["hits"]["total"]["value"], hits=hits, facets=facets)

    @staticmethod
    def _hit(hit):
        source = hit["_source"]
        return Hit(
            kind=source["kind"],
            id=source["id"],
            title=source["title"],
            url=source["url"],
            article=source.get("article"),
            date=datetime.date.fromisoformat(source["date"]) if source.get("date") else None,
            score=hit.get("_score") or 0.0,
            metadata=source.get("metadata", {}),
            snippet=highlight.snippet(hit),
            snippet_sources=[source["body"]] if "body" in source else [],
        )

    def _did_you_mean(self, query):
        words = query.folded
        answer = self._call(
            self.client.search, index=self.alias, **spelling.corrections_body(words)
        )
        known, candidates = spelling.read_corrections(answer, words)
        corrected = corrections(words, known.__contains__, candidates.__getitem__)
        if not any(corrected):
            return None
        needed = words_to_write(query.tokens, corrected)
        answer = self._call(
            self.client.search, index=self.alias, **spelling.spellings_body(sorted(needed))
        )
        return suggestion(query.tokens, corrected, spelling.read_spellings(answer, needed))

    def suggest(self, prefix, limit=8, language=None, sites=()):
        from ...analysis import folded_tokens

        words = folded_tokens(prefix)
        if not words:
            return []
        self._ensure_alias()
        text = " ".join(words)
        # As the embedded engine: the title's words, or an identifier, starting with the
        # prefix typed, the most used first.
        fields = ("title.folded", "ident_t")
        prefixes = [{"match_phrase_prefix": {field: {"query": text}}} for field in fields]
        filters = [{"bool": {"must_not": {"exists": {"field": "article"}}}}, unexpired()]
        if language:
            filters.append({"term": {"language": language}})
        if sites:
            filters.append({"terms": {"site": list(sites)}})
        response = self._call(
            self.client.search,
            index=self.alias,
            size=limit,
            query={
                "function_score": {
                    "query": {
                        "bool": {
                            "must": {"bool": {"should": prefixes}},
                            "filter": filters,
                        }
                    },
                    "field_value_factor": {"field": "weight", "missing": 1},
                    "boost_mode": "multiply",
                }
            },
            source=["kind", "id", "title", "url"],
        )
        return [
            Suggestion(**{k: hit["_source"][k] for k in ("kind", "id", "title", "url")})
            for hit in response["hits"]["hits"]
        ]
