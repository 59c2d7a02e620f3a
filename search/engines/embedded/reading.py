"""Reading the embedded index besides ranked search: facet counts and title suggestions."""

import json

import tantivy

from ...analysis import analyse
from ...requests import FACETS, FacetCount, Suggestion
from .queries import expiry_range
from .schema import LABEL_SEPARATOR

FACET_SIZE = 100


def facet_counts(searcher, builder, request):
    """Counts per facet value, each facet counted as if its own filter were not applied."""
    filtered = set(request.all_filters())
    aggregations = {}
    shared = {name: {"terms": {"field": f"fl_{name}", "size": FACET_SIZE}} for name in FACETS}
    unfiltered = {n: a for n, a in shared.items() if n not in filtered}
    if unfiltered:
        aggregations.update(searcher.aggregate(builder.build(scoring=False), unfiltered))
    for name in filtered & set(FACETS):
        query = builder.build(except_facet=name, scoring=False)
        aggregations.update(searcher.aggregate(query, {name: shared[name]}))
    facets = {}
    for name in FACETS:
        buckets = aggregations.get(name, {}).get("buckets", [])
        counts = []
        for bucket in buckets:
            value, _, label = bucket["key"].partition(LABEL_SEPARATOR)
            counts.append(FacetCount(value=value, label=label, count=bucket["doc_count"]))
        if counts:
            facets[name] = counts
    return facets


def titles_starting(schema, open_searcher, prefix, limit, language, sites):
    """Suggestions: titles and identifiers starting with `prefix` (see SearchEngine.suggest)."""
    query = analyse(prefix)
    if not query.folded:
        return []
    searcher = open_searcher()
    clauses = [
        tantivy.Query.phrase_prefix_query(schema, "title_f", query.folded),
        tantivy.Query.phrase_prefix_query(schema, "ident_t", query.folded),
    ]
    match = tantivy.Query.boolean_query([(tantivy.Occur.Should, c) for c in clauses])
    unexpired = tantivy.Query.const_score_query(expiry_range(schema), 0.0)
    must = [(tantivy.Occur.Must, match), (tantivy.Occur.Must, unexpired)]
    if language:
        term = tantivy.Query.term_query(schema, "f_language", language)
        must.append((tantivy.Occur.Must, tantivy.Query.const_score_query(term, 0.0)))
    if sites:
        terms = [tantivy.Query.term_query(schema, "site", site) for site in sites]
        scope = tantivy.Query.boolean_query([(tantivy.Occur.Should, t) for t in terms])
        must.append((tantivy.Occur.Must, tantivy.Query.const_score_query(scope, 0.0)))
    result = searcher.search(
        tantivy.Query.boolean_query(must), limit=limit * 3, weight_by_field="weight"
    )
    suggestions, seen = [], set()
    for _, address in result.hits:
        data = json.loads(bytes(searcher.doc(address)["payload"][0]))
        if data["article"] or (data["kind"], data["id"]) in seen:
            continue
        seen.add((data["kind"], data["id"]))
        suggestions.append(
            Suggestion(kind=data["kind"], id=data["id"], title=data["title"], url=data["url"])
        )
    return suggestions[:limit]
