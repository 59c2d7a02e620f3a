"""The reading half of the Elasticsearch engine: searches, "did you mean" and autocomplete,
each ranked as the embedded engine ranks them (see queries.py)."""

import datetime

from ... import reranking
from ...analysis import FOCUS_LIMIT, MATCHING_LIMIT, folded_tokens
from ...ranking import newest_first_within_tiers
from ...requests import FACETS, FacetCount, Hit, SearchResult, Suggestion
from ...spelling import corrections, suggestion, words_to_write
from . import highlight, spelling
from .mapping import LABEL_SEPARATOR
from .queries import QueryBuilder, unexpired


class Reading:
    """Mixed into ElasticsearchEngine, whose client, alias and `_call` it uses."""

    def _narrow(self, query):
        """As the embedded engine: a long query keeps its rarest words and pairs, by how many
        entries hold each (one request of counts, sent only for a query long enough)."""
        positions = query.content_positions()
        pairs = query.bigrams()
        if len(positions) <= MATCHING_LIMIT and len(pairs) <= FOCUS_LIMIT:
            return
        words = sorted({query.folded[i] for i in positions})
        glued = sorted({first + second for first, second in pairs})
        filters = {f"w{n}": {"term": {"body.folded": word}} for n, word in enumerate(words)}
        filters |= {f"p{n}": {"term": {"body_b": pair}} for n, pair in enumerate(glued)}
        answer = self._call(
            self.client.search,
            index=self.alias,
            size=0,
            aggs={"frequency": {"filters": {"filters": filters}}},
        )
        buckets = answer["aggregations"]["frequency"]["buckets"]
        counts = {word: buckets[f"w{n}"]["doc_count"] for n, word in enumerate(words)}
        counts |= {pair: buckets[f"p{n}"]["doc_count"] for n, pair in enumerate(glued)}
        query.narrow(counts.get, lambda pair: counts.get(pair[0] + pair[1], 0))

    def _search(self, query, request):
        self._ensure_alias()
        self._narrow(query)
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
