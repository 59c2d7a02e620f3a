"""One analysed query and request -> an Elasticsearch request body. One method per concern."""

from ...requests import FACETS

FACET_SIZE = 100


class QueryBuilder:
    def __init__(self, query, request):
        self.query = query
        self.request = request

    def words(self):
        q = self.query
        if not q.tokens:
            return []
        clauses = [
            {
                "multi_match": {
                    "query": " ".join(q.folded),
                    "fields": ["title.folded^3", "body.folded"],
                    "type": "most_fields",
                    "operator": "or",
                    "minimum_should_match": q.minimum_match,
                }
            }
        ]
        return clauses

    def synonyms(self):
        return [
            {"match_phrase": {field: {"query": " ".join(words), "boost": boost}}}
            for words in self.query.expansions
            for field, boost in (("title.folded", 6), ("body.folded", 2))
        ]

    def identifiers(self):
        clauses = [
            {"constant_score": {"filter": {"term": {"ident": key}}, "boost": 1000}}
            for key in self.query.identifiers
        ]
        parts = self.query.identifier_parts
        digits = [p for p in parts if any(ch.isdigit() for ch in p)]
        others = [p for p in parts if p not in digits]
        if digits:
            must = [{"term": {"ident_t": p}} for p in digits]
            if others:
                must.append({"terms": {"ident_t": others}})
            boost = self.query.partial_identifier_boost
            clauses.append({"constant_score": {"filter": {"bool": {"must": must}}, "boost": boost}})
        return clauses

    def matching(self):
        if self.query.is_empty:
            return {"match_all": {}}
        return {
            "bool": {
                "should": self.words() + self.synonyms() + self.identifiers(),
                "minimum_should_match": 1,
            }
        }

    def exact_accents(self):
        q = self.query
        if not any(q.accented):
            return []
        return [{"multi_match": {"query": q.text, "fields": ["title^4.5", "body^1.5"]}}]

    def proximity(self):
        folded = self.query.folded
        clauses = []
        if len(folded) >= 2:
            text = " ".join(folded)
            clauses += [
                {"match_phrase": {"title.folded": {"query": text, "boost": 4}}},
                {"match_phrase": {"body.folded": {"query": text, "boost": 2}}},
            ]
        if len(folded) >= 3:
            for bigram in self.query.bigrams():
                clauses += [
                    {"match_phrase": {"title.folded": {"query": " ".join(bigram), "boost": 1.5}}},
                    {"match_phrase": {"body.folded": {"query": " ".join(bigram), "boost": 0.8}}},
                ]
        return clauses

    def date_filter(self):
        r = self.request
        if not (r.date_from or r.date_to):
            return []
        bounds = {}
        if r.date_from:
            bounds["gte"] = r.date_from.isoformat()
        if r.date_to:
            bounds["lte"] = r.date_to.isoformat()
        return [{"range": {"date": bounds}}]

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

    def body(self):
        r = self.request
        scored = {
            "bool": {
                "must": [self.matching()],
                "should": self.exact_accents() + self.proximity(),
                "filter": self.date_filter(),
            }
        }
        body = {
            "query": {
                "function_score": {
                    "query": scored,
                    "field_value_factor": {"field": "weight", "missing": 1},
                    "boost_mode": "multiply",
                }
            },
            "post_filter": {"bool": {"filter": self.facet_filters()}},
            "aggs": self.aggregations(),
            "from": r.offset,
            "size": r.page_size,
            "track_total_hits": True,
        }
        if r.sort == "newest":
            body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
        return body
