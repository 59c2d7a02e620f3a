"""One analysed query and request -> an Elasticsearch request body. One method per concern.

Clause for clause the embedded engine's query (search.engines.embedded.queries), on the same
fields (mapping.Entry), with the same boosts (search.ranking), so that both engines rank alike:
a number look-up ranks the documents bearing the number first, by tier then newest; a few
everyday words rank titles, exact titles and syllable pairs; a question ranks articles by its
meaningful words and pairs, ignoring its boilerplate.
"""

from ...features import not_expired_after
from ...ranking import (
    BOOSTS,
    EXACT_ACCENT,
    EXACT_TITLE,
    IDENT_EXACT,
    LOOKUP,
    LOOKUP_CODE,
    LOOKUP_TYPE,
    LOOKUP_WINDOW,
    LOOKUP_YEAR,
    PHRASE_BODY,
    PHRASE_MAX_TOKENS,
    PHRASE_TITLE,
    SYNONYM,
)
from ...requests import FACETS

FACET_SIZE = 100
# tantivy's BM25 keeps the (1 + k1) factor, k1 = 1.2, that Lucene has dropped since version 8:
# its text scores are 2.2 times Elasticsearch's. Text boosts are scaled by it so that text
# weighs as much against the constant scores (exact title, identifiers, tiers) as in tantivy.
TANTIVY_BM25 = 2.2


def _scaled(boost):
    return round(boost * TANTIVY_BM25, 6)  # 6.6, not 6.6000000000000005, in request bodies


def unexpired():
    """Only entries whose page has not expired, whatever the re-index has done since."""
    return {"range": {"expires": {"gte": not_expired_after()}}}


def _should(queries, minimum=None):
    queries = [q for q in queries if q is not None]
    if not queries:
        return None
    if len(queries) == 1 and not minimum:
        return queries[0]
    should = {"bool": {"should": queries}}
    if minimum:
        should["bool"]["minimum_should_match"] = minimum
    return should


class QueryBuilder:
    def __init__(self, query, request):
        self.query = query
        self.request = request
        self.boosts = BOOSTS[query.intent]

    @property
    def weight_field(self):
        return "w_question" if self.query.is_question else "w_everyday"

    @staticmethod
    def match(field, text, boost):
        return {"match": {field: {"query": text, "boost": _scaled(boost)}}}

    @staticmethod
    def phrase(field, words, boost):
        return {"match_phrase": {field: {"query": " ".join(words), "boost": _scaled(boost)}}}

    @staticmethod
    def term(field, value, boost):
        return {"term": {field: {"value": value, "boost": _scaled(boost)}}}

    @staticmethod
    def constant(field, value, score):
        return {"constant_score": {"filter": {"term": {field: value}}, "boost": score}}

    # What a document must contain to match at all.
    def token_clause(self, token, folded, accented):
        title, body = self.boosts.title, self.boosts.body
        parts = [self.match("title.folded", folded, title), self.match("body.folded", folded, body)]
        if accented and not self.query.is_question:  # as the embedded engine: see its comment
            parts += [
                self.match("title", token, title * EXACT_ACCENT),
                self.match("body", token, body * EXACT_ACCENT),
            ]
        return _should(parts)

    def token_clauses(self, positions):
        q = self.query
        return [self.token_clause(q.tokens[i], q.folded[i], q.accented[i]) for i in positions]

    def words(self):
        clauses = self.token_clauses(self.query.matching_positions())
        return _should(clauses, self.query.minimum_match if len(clauses) > 1 else None)

    def synonyms(self):
        boosts = (("title.folded", self.boosts.title), ("body.folded", self.boosts.body))
        return _should(
            [
                self.phrase(field, words, boost * SYNONYM)
                for words in self.query.expansions
                for field, boost in boosts
            ]
        )

    def identifiers(self):
        clauses = [self.constant("ident", key, IDENT_EXACT) for key in self.query.identifiers]
        parts = self.query.identifier_parts
        digits = [p for p in parts if any(ch.isdigit() for ch in p)]
        others = [p for p in parts if p not in digits]
        if digits and not self.query.is_question:
            must = [{"term": {"ident_t": p}} for p in digits]
            if others:
                must.append({"terms": {"ident_t": others}})
            boost = self.query.partial_identifier_boost
            clauses.append({"constant_score": {"filter": {"bool": {"must": must}}, "boost": boost}})
        return _should(clauses)

    def lookup(self):
        """Documents bearing the looked-up number, scored by what else of the query they match."""
        lookup = self.query.lookup
        if lookup is None:
            return None
        should = []
        if lookup.year:
            should.append(self.constant("num_year", lookup.year, LOOKUP_YEAR))
        if lookup.type_code:
            should.append(self.constant("num_type", lookup.type_code, LOOKUP_TYPE))
        for part in dict.fromkeys(lookup.code_parts):
            should.append(self.constant("num_code", part, LOOKUP_CODE))
        return {"bool": {"must": [self.constant("num", lookup.digits, LOOKUP)], "should": should}}

    def matching(self):
        """Documents that match the text at all (scored), or every document for no text."""
        if self.query.is_empty:
            return {"match_all": {}}
        synonyms = None if self.query.lookup else self.synonyms()  # as the embedded engine
        clauses = [self.words(), synonyms, self.identifiers(), self.lookup()]
        return _should(clauses) or {"match_none": {}}

    # What only changes the order.
    def proximity(self):
        q = self.query
        matching = set(q.matching_positions())
        # A long query's other words rank what its rarest words matched.
        clauses = self.token_clauses([i for i in q.content_positions() if i not in matching])
        folded = q.folded
        if 2 <= len(folded) <= PHRASE_MAX_TOKENS:
            clauses += [
                self.phrase("title.folded", folded, PHRASE_TITLE),
                self.phrase("body.folded", folded, PHRASE_BODY),
            ]
        for first, second in dict.fromkeys(q.bigrams()):
            clauses += [
                self.term("title_b", first + second, self.boosts.pair_title),
                self.term("body_b", first + second, self.boosts.pair_body),
            ]
        if folded and not q.is_question:
            clauses.append(self.constant("title_key", " ".join(folded), EXACT_TITLE))
        return clauses

    # Filters.
    def date_filter(self):
        r = self.request
        if not (r.date_from or r.date_to):
            return []
        bounds = {}
        if r.date_from:
            bounds["gte"] = r.date_from.isoformat()
        if r.date_to:
            bounds["lte"] = r.date_to.isoformat()
        return [{"range": {"day": bounds}}]

    def site_filter(self):
        """Only the entries of the sites searched (SearchRequest.sites; none: every site)."""
        sites = self.request.sites
        return [{"terms": {"site": list(sites)}}] if sites else []

    def facet_filters(self, except_facet=None):
        return [
            {"terms": {f"facet.{name}": values}}
            for name, values in self.request.all_filters().items()
            if name != except_facet
        ]

    def aggregations(self):
        """Each facet counted under every filter but its own (post_filter narrows the hits)."""
        return {
            name: {
                "filter": {"bool": {"filter": self.facet_filters(except_facet=name)}},
                "aggs": {"values": {"terms": {"field": f"facet_label.{name}", "size": FACET_SIZE}}},
            }
            for name in FACETS
        }

    # The request.
    def scored(self):
        return {
            "bool": {
                "must": [self.matching()],
                "should": self.proximity(),
                "filter": [*self.date_filter(), *self.site_filter(), unexpired()],
            }
        }

    def weighted(self, query):
        """The score times the entry's weight for this kind of query."""
        return {
            "function_score": {
                "query": query,
                "field_value_factor": {"field": self.weight_field, "missing": 1},
                "boost_mode": "multiply",
            }
        }

    def body(self):
        r = self.request
        by_relevance = r.sort != "newest"
        lookup = by_relevance and self.query.lookup is not None
        query = self.scored()
        body = {
            # As in the embedded engine: a look-up's tiers are not reweighted, and the newest
            # sort is by date alone.
            "query": self.weighted(query) if by_relevance and not lookup else query,
            "post_filter": {"bool": {"filter": self.facet_filters()}},
            "aggs": self.aggregations(),
            "from": r.offset,
            "size": r.page_size,
            "track_total_hits": True,
        }
        if not by_relevance:
            body["sort"] = [{"day": {"order": "desc", "missing": "_last"}}, "_score"]
        elif lookup:
            # The documents bearing the number come by score, to be put newest first within
            # their tier as the embedded engine does (ranking.newest_first_within_tiers): no
            # script, so a cluster with scripting disabled answers the same.
            body.update({"from": 0, "size": max(r.offset + r.page_size, LOOKUP_WINDOW)})
        return body
