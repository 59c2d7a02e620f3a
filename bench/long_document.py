"""Render time of a legal document with 700 articles (issue 20: under 100 ms), uncached.

Builds, once, a scratch SQLite database under var/bench/long_document/ (dev settings) holding
the Civil Code (91/2015/QH13, 689 articles of real text from the shared corpus) completed to
700 articles, with documents that amend, replace, guide and cite it and that it names. Then
renders its page through Django's test client: one warm-up request (a running worker), then
20 timed ones. Prints one JSON object on stdout: p50/p95/max wall time and p50/p95 CPU time in
ms, and the query count.

Usage: python -m bench.long_document [--rebuild]
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
WORK = REPO / "var" / "bench" / "long_document"
DATABASE = WORK / "db.sqlite3"
ARTICLES = 700
RENDERS = 20
CODE = "91/2015/QH13"  # the corpus document with the most articles
FILLER = "92/2015/QH13"  # its remaining articles come from here, renumbered


def configure():
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        SEARCH_INDEX_DIR=str(WORK / "index"),
        MEDIA_ROOT=str(WORK / "media"),
        PAGE_CACHE_SECONDS="0",
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def corpus_articles():
    """700 articles: the Civil Code's, then the filler law's numbered on from the last one."""
    found = {}
    with gzip.open(CORPUS / "phapdien.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["number"] in (CODE, FILLER):
                found[record["number"]] = record
            if len(found) == 2:
                break
    code = found[CODE]
    articles = [(a["number"], a.get("title", ""), a["text"]) for a in code["articles"]]
    for extra in found[FILLER]["articles"][: ARTICLES - len(articles)]:
        articles.append((str(len(articles) + 1), extra.get("title", ""), extra["text"]))
    return code, articles


def build():
    """The database, the document, its articles and every kind of relation in both
    directions."""
    import datetime

    from django.core.management import call_command

    from portal.core.models import Agency
    from portal.core.site_structure import ensure_home
    from portal.legal.models import (
        LegalArticle,
        LegalDocumentIndexPage,
        LegalDocumentPage,
        LegalRelation,
    )
    from portal.legal.models.choices import RelationType

    DATABASE.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    home = ensure_home("vi")
    index = home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    index.save_revision().publish()
    record, articles = corpus_articles()
    issuer = Agency.objects.create(name="Quốc hội", slug="quoc-hoi")

    def document(number, title, relations=()):
        page = index.add_child(
            instance=LegalDocumentPage(
                title=title,
                number=number,
                slug=number.replace("/", "-").lower(),
                doc_type="Luật",
                issuer=issuer,
                issued=datetime.date(2015, 11, 24),
                effective=datetime.date(2017, 1, 1),
            )
        )
        for position, (relation_type, target) in enumerate(relations):
            LegalRelation.objects.create(
                page=page, sort_order=position, relation_type=relation_type, target_number=target
            )
        return page

    code = document(
        CODE,
        record["title"],
        [(RelationType.REPLACES, "33/2005/QH11"), (RelationType.BASED_ON, "Hiến pháp 2013")],
    )
    LegalArticle.objects.bulk_create(
        LegalArticle(document=code, position=position, number=number, title=title, text=text)
        for position, (number, title, text) in enumerate(articles)
    )
    document("33/2005/QH11", "Bộ luật Dân sự 2005")
    for n, relation_type in enumerate(RelationType.values * 5):
        document(f"{n + 1}/2020/NĐ-CP", f"Nghị định số {n + 1}", [(relation_type, CODE)])
    for page in LegalDocumentPage.objects.all():
        page.save_revision().publish()
    return code.url


def document_url():
    from portal.legal.models import LegalDocumentPage

    page = LegalDocumentPage.objects.filter(number=CODE).first()
    if page is None or page.articles.count() != ARTICLES:
        return None
    return page.url


def measure(url):
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")  # the national site the build created
    assert client.get("/").status_code == 200
    assert client.get(url).status_code == 200  # a warm worker: shared caches filled
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    times, cpu_times = [], []
    for _ in range(RENDERS):
        start, cpu_start = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
        assert response.status_code == 200
    times.sort()
    cpu_times.sort()
    return {
        "document": CODE,
        "articles": ARTICLES,
        "renders": RENDERS,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
        # On a shared machine the CPU time says what a render costs, waiting for a core aside.
        "cpu_p50_ms": round(statistics.median(cpu_times), 1),
        "cpu_p95_ms": round(cpu_times[int(0.95 * (len(cpu_times) - 1))], 1),
        "queries": len(queries),
        "html_kb": round(len(response.content) / 1024),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    options = parser.parse_args()
    configure()
    url = None if options.rebuild or not DATABASE.exists() else document_url()
    if url is None:
        print("building the long document database…", file=sys.stderr, flush=True)
        url = build()
    print(json.dumps(measure(url)))


if __name__ == "__main__":
    main()
