"""Run inside a target's environment: time the portal's search and Wagtail's search() in-process.

Prints one JSON object: per engine, latency percentiles in milliseconds and how many of the
queries found anything at all (a fast engine that answers nothing is no bargain).
"""

import json
import statistics
import time

import django

django.setup()

from django.test import Client  # noqa: E402

from wagtail.models import Page  # noqa: E402

from bench.queries import ALL  # noqa: E402

REPEAT = 5


def percentiles(samples):
    ordered = sorted(samples)

    def at(fraction):
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 2)

    return {
        "p50": at(0.5),
        "p95": at(0.95),
        "p99": at(0.99),
        "mean": round(statistics.mean(ordered) * 1000, 2),
    }


def timed(function, query):
    started = time.perf_counter()
    function(query)
    return time.perf_counter() - started


def portal_search(query):
    """The number of hits on the first page of the portal's search API."""
    response = Client().get("/api/search/", {"q": query, "page_size": 10}, HTTP_HOST="localhost")
    assert response.status_code == 200, (query, response.status_code)
    return len(response.json()["results"])


def wagtail_search(query):
    return len(list(Page.objects.live().search(query)[:10]))


def main():
    results = {}
    for name, function in (("portal", portal_search), ("wagtail_database", wagtail_search)):
        answered = sum(1 for query in ALL if function(query))  # also the warm-up
        samples = [timed(function, query) for _ in range(REPEAT) for query in ALL]
        results[name] = percentiles(samples) | {"answered": f"{answered}/{len(ALL)}"}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
