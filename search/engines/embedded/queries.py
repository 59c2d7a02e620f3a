"""One analysed query and request -> tantivy queries. One method per concern.

Three kinds of query (search.analysis): a number look-up ranks the documents bearing the
number first; a few everyday words rank titles, exact titles and syllable pairs; a question
ranks articles by their meaningful words and pairs, ignoring its boilerplate.
"""

from tantivy import FieldType, Occur, Query

from ...features import NEVER_EXPIRES, not_expired_after
from ...ranking import (
    BOOSTS,
    EXACT_ACCENT,
    EXACT_TITLE,
    IDENT_EXACT,
    LOOKUP,
    LOOKUP_CODE,
    LOOKUP_TYPE,
    LOOKUP_YEAR,
    PHRASE_BODY,
    PHRASE_MAX_TOKENS,
    PHRASE_TITLE,
    SYNONYM,
)


def expiry_range(schema):
    return Query.range_query(
        schema, "expires", FieldType.Integer, not_expired_after(), NEVER_EXPIRES
    )


def _should(queries, minimum=None):
    queries = [q for q in queries if q is not None]
    if not queries:
        return None
    if len(queries) == 1 and not minimum:
        return queries[0]
    return Query.boolean_query([(Occur.Should, q) for q in queries], minimum)


class QueryBuilder:
    def __init__(self, schema, query, request):
        self.schema = schema
        self.query = query
        self.request = request
        self.boosts = BOOSTS[query.intent]

    @property
    def weight_field(self):
        return "w_question" if self.query.is_question else "w_everyday"

    def term(self, field, value, boost=1.0):
        q = Query.term_query(self.schema, field, value)
        return Query.boost_query(q, boost) if boost != 1.0 else q

    def constant(self, field, value, score):
        return Query.const_score_query(Query.term_query(self.schema, field, value), score)

    def phrase(self, field, words, boost=1.0):
        q = Query.phrase_query(self.schema, field, list(words))
        return Query.boost_query(q, boost)

    # What a document must contain to match at all.
    def token_clause(self, token, folded, accented):
        title, body = self.boosts.title, self.boosts.body
        parts = [self.term("title_f", folded, title), self.term("body_f", folded, body)]
        if accented and not self.query.is_question:
            # A question's marks are a sentence's, not a choice between look-alike names:
            # weighing them only adds noise (measured on the legal questions, typed).
            parts += [
                self.term("title", token, title * EXACT_ACCENT),
                self.term("body", token, body * EXACT_ACCENT),
            ]
        return _should(parts)

    def token_clauses(self, positions):
        q = self.query
        return [self.token_clause(q.tokens[i], q.folded[i], q.accented[i]) for i in positions]

    def words(self):
        clauses = self.token_clauses(self.query.matching_positions())
        return _should(clauses, self.query.minimum_match if len(clauses) > 1 else None)

    def synonyms(self):
        clauses = []
        for words in self.query.expansions:
            boosts = (("title_f", self.boosts.title), ("body_f", self.boosts.body))
            for field, boost in ((field, boost * SYNONYM) for field, boost in boosts):
                if len(words) == 1:
                    clauses.append(self.term(field, words[0], boost))
                else:
                    clauses.append(self.phrase(field, words, boost))
        return _should(clauses)

    def identifiers(self):
        clauses = [
            Query.const_score_query(self.term("ident", key), IDENT_EXACT)
            for key in self.query.identifiers
        ]
        parts = self.query.identifier_parts
        digits = [p for p in parts if any(ch.isdigit() for ch in p)]
        others = [p for p in parts if p not in digits]
        if digits and not self.query.is_question:
            must = [(Occur.Must, self.term("ident_t", p)) for p in digits]
            if others:
                must.append((Occur.Must, _should([self.term("ident_t", p) for p in others])))
            clauses.append(
                Query.const_score_query(
                    Query.boolean_query(must), self.query.partial_identifier_boost
                )
            )
        return _should(clauses)

    def lookup(self):
        """Documents bearing the looked-up number, scored by what else of the query they match."""
        lookup = self.query.lookup
        if lookup is None:
            return None
        should = [(Occur.Must, self.constant("num", lookup.digits, LOOKUP))]
        if lookup.year:
            should.append((Occur.Should, self.constant("num_year", lookup.year, LOOKUP_YEAR)))
        if lookup.type_code:
            should.append((Occur.Should, self.constant("num_type", lookup.type_code, LOOKUP_TYPE)))
        for part in dict.fromkeys(lookup.code_parts):
            should.append((Occur.Should, self.constant("num_code", part, LOOKUP_CODE)))
        return Query.boolean_query(should)

    def matching(self):
        """Documents that match the text at all (scored), or every document for no text."""
        if self.query.is_empty:
            return Query.all_query()
        # A look-up's type word ("nđ") would bring in, through its synonym ("nghị định"), every
        # text that names the type: the number decides what matches.
        synonyms = None if self.query.lookup else self.synonyms()
        clauses = [self.words(), synonyms, self.identifiers(), self.lookup()]
        return _should(clauses) or Query.empty_query()

    # What only changes the order.
    def proximity(self):
        q = self.query
        matching = set(q.matching_positions())
        # A long query's other words rank what its rarest words matched.
        clauses = self.token_clauses([i for i in q.content_positions() if i not in matching])
        folded = q.folded
        if 2 <= len(folded) <= PHRASE_MAX_TOKENS:
            clauses += [
                self.phrase("title_f", folded, PHRASE_TITLE),
                self.phrase("body_f", folded, PHRASE_BODY),
            ]
        for first, second in dict.fromkeys(q.bigrams()):
            clauses += [
                self.term("title_b", first + second, self.boosts.pair_title),
                self.term("body_b", first + second, self.boosts.pair_body),
            ]
        if folded and not q.is_question:
            clauses.append(self.constant("title_key", " ".join(folded), EXACT_TITLE))
        return clauses

    # Filters: one method per kind of filter.
    def facet_filter(self, name, values):
        return _should([self.term(f"f_{name}", value) for value in values])

    def date_filter(self):
        r = self.request
        if not (r.date_from or r.date_to):
            return None
        return Query.range_query(
            self.schema,
            "day",
            FieldType.Integer,
            r.date_from.toordinal() if r.date_from else 1,
            r.date_to.toordinal() if r.date_to else 10**7,
        )

    def site_filter(self):
        """Only the entries of the sites searched (SearchRequest.sites; none: every site)."""
        return _should([self.term("site", value) for value in self.request.sites])

    def expiry_filter(self):
        """Only entries whose page has not expired, whatever the re-index has done since."""
        return expiry_range(self.schema)

    def filters(self, except_facet=None):
        clauses = [
            self.facet_filter(name, values)
            for name, values in self.request.all_filters().items()
            if name != except_facet
        ]
        others = [self.date_filter(), self.site_filter(), self.expiry_filter()]
        return [c for c in [*clauses, *others] if c is not None]

    def build(self, except_facet=None, scoring=True):
        clauses = [(Occur.Must, self.matching())]
        clauses += [
            (Occur.Must, Query.const_score_query(f, 0.0)) for f in self.filters(except_facet)
        ]
        if scoring:
            clauses += [(Occur.Should, c) for c in self.proximity()]
        return Query.boolean_query(clauses)
