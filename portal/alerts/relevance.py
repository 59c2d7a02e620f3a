"""A saved search mails a change only when the search page shows it first for the query as
typed: among the first page of results, scoring at least RELEVANCE_FLOOR of the best one. The
search itself ranks (search.api.run_search, the one code path of the API and the search page):
exact marks and adjacent words rank first, and a page that merely shares folded syllables with
the query ("thủy sản … hộ" for "san ho") stays below the floor (on the demo content the coral
pages score 0.32 to 1 of the best, the others at most 0.19).

The search consumer reads the content log before the matches are made, so the changed pages
are in the index that is asked."""

from django.http import QueryDict

from portal.core.publishing.consumers import run_consumer
from search.api import run_search

FIRST_PAGE = 10
RELEVANCE_FLOOR = 0.25
SEARCH_CONSUMER = "search"


class SearchUnavailable(RuntimeError):
    """The search could not answer: the alerts consumer is retried later, nothing is lost."""


def _params(query):
    params = QueryDict(mutable=True)
    for name, values in query.items():
        params.setlist(name, values if isinstance(values, list) else [values])
    params["page_size"] = str(FIRST_PAGE)
    return params


def shown_first(query):
    """{(kind, natural key)} of the results the search page shows first for `query`."""
    status, body, result = run_search(_params(query))
    if status != 200:
        raise SearchUnavailable(body.get("message", status))
    hits = [hit for hit in result.hits if not hit.recommended]
    best = max((hit.score for hit in hits), default=0.0)
    return {(hit.kind, hit.id) for hit in hits if hit.score >= RELEVANCE_FLOOR * best} | {
        (hit.kind, hit.id) for hit in result.hits if hit.recommended
    }


class ShownFirst:
    """Whether a changed document is shown first for a followed query; each query is searched
    at most once per batch of events, and only when some document meets its filters."""

    def __init__(self, queries):
        self.queries = queries
        self._shown = {}
        self._caught_up = False

    def shows(self, key, doc):
        if key not in self._shown:
            if not self._caught_up:
                run_consumer(SEARCH_CONSUMER)
                self._caught_up = True
            self._shown[key] = shown_first(self.queries[key])
        return (doc.kind, doc.id) in self._shown[key]
