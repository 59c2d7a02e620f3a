"""One analysed query and request -> tantivy queries. One method per concern."""

from tantivy import FieldType, Occur, Query

# Field boosts: a title match counts more than a body match.
TITLE, BODY = 3.0, 1.0
EXACT_ACCENT = 1.5  # extra weight of the field as written when the user typed marks
PHRASE_TITLE, PHRASE_BODY = 4.0, 2.0
BIGRAM_TITLE, BIGRAM_BODY = 1.5, 0.8
SYNONYM = 2.0
IDENT_EXACT = 1000.0


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

    def term(self, field, value, boost=1.0):
        q = Query.term_query(self.schema, field, value)
        return Query.boost_query(q, boost) if boost != 1.0 else q

    def phrase(self, field, words, boost=1.0):
        q = Query.phrase_query(self.schema, field, list(words))
        return Query.boost_query(q, boost)

    # What a document must contain to match at all.
    def token_clause(self, token, folded, accented):
        parts = [self.term("title_f", folded, TITLE), self.term("body_f", folded, BODY)]
        if accented:
            parts += [
                self.term("title", token, TITLE * EXACT_ACCENT),
                self.term("body", token, BODY * EXACT_ACCENT),
            ]
        return _should(parts)

    def words(self):
        q = self.query
        clauses = [
            self.token_clause(t, f, a)
            for t, f, a in zip(q.tokens, q.folded, q.accented, strict=True)
        ]
        return _should(clauses, q.minimum_match if len(clauses) > 1 else None)

    def synonyms(self):
        clauses = []
        for words in self.query.expansions:
            for field, boost in (("title_f", TITLE * SYNONYM), ("body_f", BODY * SYNONYM)):
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
        if digits:
            must = [(Occur.Must, self.term("ident_t", p)) for p in digits]
            if others:
                must.append((Occur.Must, _should([self.term("ident_t", p) for p in others])))
            clauses.append(
                Query.const_score_query(
                    Query.boolean_query(must), self.query.partial_identifier_boost
                )
            )
        return _should(clauses)

    def matching(self):
        """Documents that match the text at all (scored), or every document for no text."""
        if self.query.is_empty:
            return Query.all_query()
        return _should([self.words(), self.synonyms(), self.identifiers()]) or Query.empty_query()

    # What only changes the order.
    def proximity(self):
        folded = self.query.folded
        clauses = []
        if len(folded) >= 2:
            clauses += [
                self.phrase("title_f", folded, PHRASE_TITLE),
                self.phrase("body_f", folded, PHRASE_BODY),
            ]
        if len(folded) >= 3:
            for bigram in self.query.bigrams():
                clauses += [
                    self.phrase("title_f", bigram, BIGRAM_TITLE),
                    self.phrase("body_f", bigram, BIGRAM_BODY),
                ]
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

    def filters(self, except_facet=None):
        clauses = [
            self.facet_filter(name, values)
            for name, values in self.request.all_filters().items()
            if name != except_facet
        ]
        return [c for c in [*clauses, self.date_filter()] if c is not None]

    def build(self, except_facet=None, scoring=True):
        clauses = [(Occur.Must, self.matching())]
        clauses += [
            (Occur.Must, Query.const_score_query(f, 0.0)) for f in self.filters(except_facet)
        ]
        if scoring:
            clauses += [(Occur.Should, c) for c in self.proximity()]
        return Query.boolean_query(clauses)
