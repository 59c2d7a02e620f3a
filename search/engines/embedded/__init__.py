"""The embedded engine: tantivy in-process, index under settings.SEARCH_INDEX_DIR.

The directory holds `versions/<name>/` indexes and a `current` symlink (storage.IndexFolder).
A rebuild writes a new version and swaps the symlink atomically; searchers notice the swap on
their next query and keep serving the old version until then. An index that was written and is
now gone or damaged is IndexLost (a 503, and a rebuild by `search_index sync` or the search
consumer), never searched as an empty one.
"""

import datetime
import functools
import json
import threading

import tantivy

from ... import reranking
from ...ranking import LOOKUP_WINDOW, newest_first_within_tiers
from ...requests import Hit, SearchResult
from ...spelling import Vocabulary, corrections, suggestion
from .. import EngineUnavailable, IndexLost, SearchEngine, keys_of
from .queries import QueryBuilder
from .reading import facet_counts, titles_starting
from .schema import SCHEMA_VERSION, build_schema, to_tantivy
from .storage import MISSING, SCHEMA_FILE, IndexFolder  # noqa: F401 (SCHEMA_FILE: tests)

WRITER_HEAP = 64_000_000
REBUILD_HEAP = 256_000_000
TANTIVY_ERRORS = (OSError, ValueError)  # tantivy reports lock, IO and data errors as ValueError


class EmbeddedEngine(SearchEngine):
    name = "embedded"

    def __init__(self, directory, index_expected=None):
        self.folder = IndexFolder(directory, SCHEMA_VERSION)
        self.directory = self.folder.directory
        # Whether a missing index is lost (something was written to it) rather than not yet made.
        self.index_expected = index_expected or (lambda: False)
        self.schema = build_schema()
        self._lock = threading.Lock()
        self._opened = None  # (version path, tantivy.Index)
        self._vocabulary = None  # (commit stamp, spelling.Vocabulary)

    @property
    def current_link(self):
        return self.folder.current_link

    def is_current(self):
        return self.folder.is_current()

    def damage(self):
        return self.folder.damage()

    def stamp(self):
        try:
            return self.folder.stamp()
        except OSError as error:
            raise self._unavailable(error) from error

    def _unavailable(self, error):
        """The error to raise for a failure of tantivy or the file system: IndexLost when the
        index is gone or damaged, else EngineUnavailable (a lock, a full disk: retried)."""
        damage = self.folder.damage()
        if damage == MISSING and not self.index_expected():
            damage = None
        if damage:
            return IndexLost(damage)
        return EngineUnavailable(f"search index unavailable: {error}")

    def _index(self):
        """The current index, reopened if a rebuild swapped it since the last call. A missing
        index is made empty only while nothing was ever written to one."""
        try:
            with self._lock:
                if not self.folder.exists():
                    if self.index_expected():
                        raise IndexLost(MISSING)
                    path = self.folder.new_version()
                    tantivy.Index(self.schema, path=str(path))
                    self.folder.point_current_at(path)
                path = self.current_link.resolve()
                if self._opened is None or self._opened[0] != path:
                    if not self.is_current():
                        raise EngineUnavailable(
                            "the search index was built by an older version of the portal: "
                            "run `manage.py search_index rebuild`"
                        )
                    self._opened = (path, tantivy.Index.open(str(path)))
                return self._opened[1]
        except TANTIVY_ERRORS as error:
            raise self._unavailable(error) from error

    def _write(self, operation):
        index = self._index()
        try:
            with index.writer(WRITER_HEAP, 1) as writer:
                operation(writer)
                writer.commit()
            index.reload()
        except TANTIVY_ERRORS as error:
            raise self._unavailable(error) from error

    # Interface.
    def index(self, documents):
        documents = list(documents)

        def operation(writer):
            for doc in documents:
                writer.delete_documents_by_term("key", doc.key)
                writer.add_document(to_tantivy(doc))

        if documents:
            self._write(operation)

    def remove(self, keys_or_documents):
        keys = keys_of(keys_or_documents)

        def operation(writer):
            for key in keys:
                writer.delete_documents_by_term("key", key)

        if keys:
            self._write(operation)

    @staticmethod
    def _replacing(page_ids, documents):
        documents = list(documents)

        def operation(writer):
            for page_id in page_ids:
                writer.delete_documents_by_term("page", int(page_id))
            for doc in documents:
                writer.delete_documents_by_term("key", doc.key)
                writer.add_document(to_tantivy(doc))

        return operation

    def replace_pages(self, page_ids, documents):
        self._write(self._replacing(page_ids, documents))

    def rebuild(self, documents, progress=None, before_swap=None):
        """Build a new version, then swap it in. `before_swap(replace)` may first bring it up
        to date: `replace(page_ids, documents)` writes into the new version."""
        try:
            path = self.folder.new_version()
            index = tantivy.Index(self.schema, path=str(path))
            count = self._load(index, documents, progress, before_swap)
            previous = self.current_link.resolve() if self.folder.exists() else None
            self.folder.point_current_at(path)
            self.folder.remove_old_versions(keep={path, previous})
        except TANTIVY_ERRORS as error:
            raise EngineUnavailable(f"search index not writable: {error}") from error
        return count

    def _load(self, index, documents, progress, before_swap):
        count = 0
        with index.writer(REBUILD_HEAP, 1) as writer:
            for doc in documents:
                writer.add_document(to_tantivy(doc))
                count += 1
                if progress and count % 1000 == 0:
                    progress(count)
            writer.commit()
            if before_swap is not None:

                def replace(page_ids, replacing):
                    self._replacing(page_ids, replacing)(writer)
                    writer.commit()

                before_swap(replace)
            writer.wait_merging_threads()
        return count

    def keys(self):
        return set(self.fingerprints())

    def fingerprints(self):
        searcher = self._searcher()
        found = {}
        result = searcher.search(tantivy.Query.all_query(), limit=max(1, searcher.num_docs))
        for _, address in result.hits:
            stored = searcher.doc(address)
            payload = json.loads(bytes(stored["payload"][0]))
            found[stored["key"][0]] = payload.get("hash")
        return found

    def healthy(self):
        return self.problem() is None

    def problem(self):
        try:
            self._searcher()
        except IndexLost as lost:
            return lost.reason
        except EngineUnavailable:
            return "the search index cannot be opened"
        return None

    def _searcher(self):
        index = self._index()
        try:
            index.reload()
            return index.searcher()
        except TANTIVY_ERRORS as error:
            raise self._unavailable(error) from error

    def search(self, request):
        try:
            return super().search(request)
        except ValueError as error:  # a segment file gone under a searcher
            raise self._unavailable(error) from error

    def _search(self, query, request):
        searcher = self._searcher()
        query.narrow(
            lambda word: searcher.doc_freq("body_f", word),
            lambda pair: searcher.doc_freq("body_b", pair[0] + pair[1]),
        )
        builder = QueryBuilder(self.schema, query, request)
        if request.sort == "newest":
            kwargs = {"order_by_field": "day"}
        elif query.lookup:
            kwargs = {}  # the look-up's tiers must not be reweighted; see newest_first_within_tiers
        else:
            kwargs = {"weight_by_field": builder.weight_field}
        end = request.offset + request.page_size
        limit = max(end, LOOKUP_WINDOW) if query.lookup and not kwargs else end
        questioning = reranking.applies(query, request)
        if questioning:
            limit = reranking.window(request)
        result = searcher.search(builder.build(), limit=limit, **kwargs)
        ranked = result.hits
        if query.lookup and not kwargs:
            ranked = newest_first_within_tiers(ranked, lambda a: searcher.doc(a)["day"][0])
        if questioning:
            candidates = [self._hit(searcher, score, address) for score, address in ranked]
            hits = reranking.rerank(query, candidates)[request.offset : end]
        else:
            page = ranked[request.offset : end]
            hits = [self._hit(searcher, score, address) for score, address in page]
        return SearchResult(
            total=result.count, hits=hits, facets=facet_counts(searcher, builder, request)
        )

    def _hit(self, searcher, score, address):
        data = json.loads(bytes(searcher.doc(address)["payload"][0]))
        return Hit(
            kind=data["kind"],
            id=data["id"],
            title=data["title"],
            url=data["url"],
            article=data["article"],
            date=datetime.date.fromisoformat(data["date"]) if data["date"] else None,
            score=float(score),
            metadata=data["metadata"],
            snippet_sources=[data["body"], data["summary"]],
        )

    def _did_you_mean(self, query):
        vocabulary = self._spelling_vocabulary()
        searcher = self._searcher()

        def is_known(word):
            return searcher.doc_freq("title_f", word) + searcher.doc_freq("body_f", word) > 0

        corrected = corrections(query.folded, is_known, vocabulary.candidates)
        return suggestion(query.tokens, corrected, vocabulary.written)

    def _spelling_vocabulary(self):
        """The title words, read once per commit. Every commit replaces the version's meta.json,
        so its identity is taken before the searcher: a commit in between only means one more
        read on the next call."""
        self._index()
        stamp = self.stamp()[0]
        cached = self._vocabulary
        if cached is None or cached[0] != stamp:
            searcher = self._searcher()
            vocabulary = Vocabulary.read(
                functools.partial(searcher.terms_with_prefix, "title_f"),
                functools.partial(searcher.terms_with_prefix, "title"),
            )
            cached = self._vocabulary = (stamp, vocabulary)
        return cached[1]

    def suggest(self, prefix, limit=8, language=None, sites=()):
        try:
            return titles_starting(self.schema, self._searcher, prefix, limit, language, sites)
        except ValueError as error:
            raise self._unavailable(error) from error
