"""Send a family of queries through the search API (and, beside it, Wagtail's database search)
and measure MRR@10, P@1, R@10 and latency, as typed and without diacritics."""

import sqlite3
import statistics
import time
from dataclasses import dataclass

from django.conf import settings
from django.test import Client

from portal.core.text import fold

from ..analysis import tokenize

DEPTH = 10


@dataclass
class Score:
    queries: int
    mrr: float
    p1: float
    r10: float
    p50: float
    p95: float
    p99: float

    def line(self):
        return (
            f"MRR@10 {self.mrr:.3f}  P@1 {self.p1:.3f}  R@10 {self.r10:.3f}  "
            f"p50 {self.p50:6.1f} ms  p95 {self.p95:6.1f} ms"
        )


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def score(ranks, latencies):
    n = len(ranks)
    return Score(
        queries=n,
        mrr=sum(1 / r for r in ranks if r) / n,
        p1=sum(1 for r in ranks if r == 1) / n,
        r10=sum(1 for r in ranks if r) / n,
        p50=statistics.median(latencies),
        p95=percentile(latencies, 0.95),
        p99=percentile(latencies, 0.99),
    )


def rank_of(expected, found):
    """1-based position of the first hit whose keys include an expected one (a question may
    have several answers, separated by commas)."""
    answers = set(expected.split(","))
    return next((i for i, keys in enumerate(found[:DEPTH], 1) if answers & keys), None)


class PortalSearch:
    """The portal's own search, through the API code path in-process."""

    name = "portal"

    def __init__(self, engine=None):
        if engine:
            self.name = engine
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if "*" not in h), "localhost")
        self.client = Client(HTTP_HOST=host)

    def __call__(self, text, kind):
        params = {"q": text, "page_size": DEPTH}
        if kind:
            params["kind"] = kind
        response = self.client.get("/api/search/", params)
        if response.status_code != 200:
            raise RuntimeError(f"{text!r}: HTTP {response.status_code} {response.content[:300]!r}")
        # An article hit is also a hit of its document.
        return [
            {hit["id"], f"{hit['id']}#{hit['article']}"} if hit["article"] else {hit["id"]}
            for hit in response.json()["results"]
        ]


class WagtailDatabaseSearch:
    """Wagtail's default database search on the same pages; for articles, which are not pages,
    its SQLite engine by hand: FTS5 with its default tokenizer, OR of words, bm25. The articles'
    table lives in memory, so it is SQLite FTS5 whatever the database (PostgreSQL included)."""

    name = "wagtail-db"

    def __init__(self):
        # Imported here: the benchmarks import this module's percentile without Django set up.
        from portal.core.visibility import visible

        self.pages = visible()
        self._articles = None

    def articles(self):
        if self._articles is None:
            from portal.legal.models import LegalArticle

            self._articles = sqlite3.connect(":memory:")
            self._articles.execute("CREATE VIRTUAL TABLE a USING fts5(key UNINDEXED, title, body)")
            rows = LegalArticle.objects.filter(document__in=self.pages).values_list(
                "document__number", "number", "title", "text"
            )
            self._articles.executemany(
                "INSERT INTO a VALUES (?, ?, ?)",
                ((f"{d}#{n}", t, x) for d, n, t, x in rows.iterator(chunk_size=2000)),
            )
        return self._articles

    @staticmethod
    def natural_key(page):
        for attribute in ("code", "number", "slug"):
            if getattr(page, attribute, None):
                return getattr(page, attribute)
        return str(page.pk)

    def __call__(self, text, kind, expects_article=False):
        if expects_article:
            words = " OR ".join('"' + w.replace('"', "") + '"' for w in tokenize(text))
            if not words:
                return []
            rows = self.articles().execute(
                "SELECT key FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT ?", (words, DEPTH)
            )
            return [{key} for (key,) in rows]
        pages = self.pages.search(text)[:DEPTH]
        return [{self.natural_key(page.specific)} for page in pages]


def evaluate(engine, queries, transform=str, repeat=0):
    """Score `engine` on `queries`. The latencies are those of the ranking pass; with `repeat`,
    that pass is a warm-up and the latencies are those of `repeat` more passes over them all."""
    ranks, latencies, misses = [], [], []

    def timed(query):
        text = transform(query.text)
        started = time.perf_counter()
        if isinstance(engine, WagtailDatabaseSearch):
            found = engine(text, query.kind, expects_article="#" in query.expected)
        else:
            found = engine(text, query.kind)
        latencies.append((time.perf_counter() - started) * 1000)
        return text, found

    for query in queries:
        text, found = timed(query)
        rank = rank_of(query.expected, found)
        ranks.append(rank)
        if rank != 1:
            misses.append((text, query.expected, rank, [sorted(k)[0] for k in found[:3]]))
    if repeat:
        latencies.clear()
        for _ in range(repeat):
            for query in queries:
                timed(query)
    return score(ranks, latencies), misses


TRANSFORMS = {"typed": str, "unaccented": fold}
