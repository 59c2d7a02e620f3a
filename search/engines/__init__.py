"""The search interface and the choice of engine.

`get_engine()` returns the Elasticsearch engine when settings.ELASTICSEARCH_URL is set, else the
embedded tantivy engine. Only the modules of this package import either library.
"""

import math
import time

from django.conf import settings

from ..analysis import analyse
from ..documents import SearchDocument
from ..requests import FACETS, KIND_LABELS, LANGUAGE_LABELS, SearchRequest, SearchResult
from ..snippets import make_snippet

# A search finding fewer hits than this offers "did you mean".
FEW_HITS = 3


class EngineUnavailable(Exception):
    """The engine cannot be reached or its index cannot be opened."""


class IndexLost(EngineUnavailable):
    """The index that was written is gone or damaged: searching it would answer as if nothing
    were published. A rebuild restores it; `reason` says so in words safe to show (no paths)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def document_weight(doc: SearchDocument, today=None):
    """A gentle multiplier: popular procedures and recent news up, documents not in force down."""
    weight = 1.0
    if doc.popularity > 0:
        weight += 0.04 * math.log10(1 + doc.popularity)
    if doc.kind == "news" and doc.date:
        today = today or doc.date.today()
        age_years = max(0, (today - doc.date).days) / 365
        weight += 0.2 * max(0.0, 1 - age_years / 3)
    if not doc.in_force:
        weight *= 0.6
    return weight


def document_facets(doc: SearchDocument):
    """The document's facets plus kind and language, limited to the known facet names."""
    facets = {name: list(values) for name, values in doc.facets.items() if name in FACETS}
    facets["kind"] = [(doc.kind, KIND_LABELS.get(doc.kind, doc.kind))]
    facets["language"] = [(doc.language, LANGUAGE_LABELS.get(doc.language, doc.language))]
    return facets


def keys_of(items):
    return [item.key if isinstance(item, SearchDocument) else str(item) for item in items]


class SearchEngine:
    """What both engines offer. Subclasses implement the underscored methods."""

    def index(self, documents):
        raise NotImplementedError

    def remove(self, keys_or_documents):
        raise NotImplementedError

    def replace_pages(self, page_ids, documents):
        """Replace everything indexed for these pages by `documents`."""
        raise NotImplementedError

    def rebuild(self, documents, progress=None, before_swap=None):
        """Build a new index from `documents` and swap it in; `before_swap(replace)` is called
        before the swap, with `replace(page_ids, documents)` writing into the new index."""
        raise NotImplementedError

    def keys(self) -> set[str]:
        raise NotImplementedError

    def fingerprints(self) -> dict[str, str | None]:
        """{key: content hash} of every entry (None for an entry written without one)."""
        raise NotImplementedError

    def is_current(self) -> bool:
        """False when the index was built for another version of the fields: rebuild it."""
        return True

    def healthy(self) -> bool:
        raise NotImplementedError

    def problem(self) -> str | None:
        """None when the engine answers, else what is wrong, in words safe to show on /readyz
        (no paths, no addresses)."""
        return None if self.healthy() else f"the {self.name} search engine does not answer"

    def damage(self) -> str | None:
        """Why the index must be rebuilt before it can be searched (gone, damaged), else None."""
        return None

    def stamp(self):
        """(a string naming the state of the index, the time it last changed), or None when the
        engine cannot tell cheaply: what search results are cached and validated by."""
        return None

    def suggest(self, prefix, limit=8, language=None, sites=()):
        """Titles starting with `prefix`; `sites` limits them as SearchRequest.sites does."""
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResult:
        from ..models import current_synonyms

        started = time.perf_counter()
        query = analyse(request.text, current_synonyms())
        result = self._search(query, request)
        terms = query.highlight_terms()
        for hit in result.hits:
            if not hit.snippet:  # an engine may have cut and marked it already
                hit.snippet = make_snippet(hit.snippet_sources, terms)
        if query.tokens and result.total < FEW_HITS:
            result.suggestion = self._did_you_mean(query)
        result.took_ms = round((time.perf_counter() - started) * 1000, 2)
        return result

    def _search(self, query, request) -> SearchResult:
        raise NotImplementedError

    def _did_you_mean(self, query) -> str | None:
        raise NotImplementedError


_engines = {}


def index_expected():
    """Whether an index was written that must hold what was published: the search consumer
    has followed the content event log into it. A missing index is then lost, never empty."""
    from portal.core.models import ConsumerState

    from ..tasks import CONSUMER

    return ConsumerState.objects.filter(name=CONSUMER, position__gt=0).exists()


def get_engine() -> SearchEngine:
    url = settings.ELASTICSEARCH_URL
    if url:
        key = ("es", url, settings.ELASTICSEARCH_INDEX_PREFIX)
        if key not in _engines:
            from .elasticsearch import ElasticsearchEngine

            _engines[key] = ElasticsearchEngine(url, settings.ELASTICSEARCH_INDEX_PREFIX)
    else:
        key = ("embedded", str(settings.SEARCH_INDEX_DIR))
        if key not in _engines:
            from .embedded import EmbeddedEngine

            _engines[key] = EmbeddedEngine(settings.SEARCH_INDEX_DIR, index_expected)
    return _engines[key]
