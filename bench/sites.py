"""Many agencies on one install: the time to create the 34 provincial departments' sites, and
search latency and page query counts with 35 sites against one, on the national catalogue.

`python -m bench.sites` (or `python -m bench.run --sites`): a fresh SQLite database under
var/bench/sites/ gets the corpus's fields, procedures (2,395), legal metadata (550) and news
sample; it is measured with the ministry's site alone, then again after `create_agency_site`
made 34 provincial sites, each with three news items of its own. Page query counts are those of
one request (home, latest news, search page) through Django's test client; search latency is
the /api/search/ code path over the development queries, as typed, 3 timed passes after a
warm-up pass. Prints one JSON line (and a table with --table).
"""

import json
import statistics
import subprocess
import sys
import time

from .environment import CORPUS, REPO, WORK, Target

CORPUS_FILES = ["fields.jsonl", "procedures.jsonl", "legal_metadata.jsonl", "news_sample.jsonl"]
PASSES = 3
# The 34 provinces and cities since the 2025 merger.
PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
PAGES = {"home": "/", "news listing": "/tin-tuc/", "search page": "/tim-kiem/?q=đất+đai"}


def log(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def run(log=log):
    """Prepare the database with manage.py, then measure in a process of its own."""
    path = WORK / "sites" / "db.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    target = Target("sites", f"sqlite:///{path}")
    log("[sites] migrate and import the national catalogue")
    target.manage("migrate", "--noinput")
    imported = target.manage("import_content", *(str(CORPUS / name) for name in CORPUS_FILES))
    log(f"[sites] imported in {imported.seconds:.0f}s; measuring one site, then 35")
    result = subprocess.run(
        [sys.executable, "-m", "bench.sites", "--probe"],
        cwd=REPO,
        env=target.env(),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def probe():
    """Inside the prepared database: one site, then 35."""
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.core.agencies import Agency, create_agency_site
    from portal.core.importing.runner import ImportRun
    from portal.core.sites import national_site
    from portal.core.text import slugify_vi
    from portal.news.structure import latest_news_page
    from search.collect import all_documents
    from search.engines import get_engine

    client = Client()
    queries = [
        line.split("\t")[0]
        for line in (CORPUS / "dev_queries.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def measure(host):
        counts = {}
        for name, path in PAGES.items():
            reset_queries()  # DEBUG keeps at most 9,000 queries: a full log would count none
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path, HTTP_HOST=host).status_code
            counts[name] = {"status": status, "queries": len(captured)}
        timings = []
        for number in range(PASSES + 1):
            for text in queries:
                started = time.perf_counter()
                client.get("/api/search/", {"q": text}, HTTP_HOST=host)
                if number:
                    timings.append((time.perf_counter() - started) * 1000)
        cuts = statistics.quantiles(timings, n=100)
        return {
            "page_queries": counts,
            "search_ms": {"p50": round(cuts[49], 1), "p95": round(cuts[94], 1)},
            "searches": len(timings),
        }

    def rebuild():
        started = time.perf_counter()
        get_engine().rebuild(list(all_documents()))
        return round(time.perf_counter() - started, 1)

    latest_news_page("vi")
    national = national_site()
    report = {
        "one_site": {"index_seconds": rebuild(), national.hostname: measure(national.hostname)}
    }

    started = time.perf_counter()
    hosts = []
    for province in PROVINCES:
        hostname = f"{slugify_vi(province)}.localhost"
        create_agency_site(
            Agency(
                name=f"Sở Nông nghiệp và Môi trường {province}",
                hostname=hostname,
                province=province,
            )
        )
        hosts.append(hostname)
    creation = time.perf_counter() - started
    log(f"[sites] 34 provincial sites created in {creation:.1f}s")

    started = time.perf_counter()
    news_file = WORK / "sites" / "local_news.jsonl"
    with news_file.open("w", encoding="utf-8") as handle:
        for hostname in hosts:
            for number in range(3):
                line = {
                    "kind": "news",
                    "site": hostname,
                    "slug": f"tin-dia-phuong-{number}",
                    "title": f"Tin đất đai địa phương số {number} của {hostname}",
                    "lead": "Tin về đất đai, môi trường của địa phương.",
                    "category": "Tin hoạt động",
                    "published": "2025-06-01T08:00:00+07:00",
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    ImportRun().import_files([news_file])
    local_news = time.perf_counter() - started

    report["35_sites"] = {
        "create_34_sites_seconds": round(creation, 1),
        "per_site_seconds": round(creation / len(PROVINCES), 2),
        "import_102_local_news_seconds": round(local_news, 1),
        "index_seconds": rebuild(),
        f"{national.hostname} (every site)": measure(national.hostname),
        "hanoi.localhost (own + national)": measure(hosts[0]),
    }
    print(json.dumps(report, ensure_ascii=False))


def print_table(report):
    print("\nSites: 34 provincial departments created in "
          f"{report['35_sites']['create_34_sites_seconds']}s "
          f"({report['35_sites']['per_site_seconds']}s each)")  # fmt: skip
    rows = [("1 site", report["one_site"]), ("35 sites", report["35_sites"])]
    for label, part in rows:
        for host, figures in part.items():
            if not isinstance(figures, dict):
                continue
            pages = ", ".join(
                f"{name} {v['queries']}q" for name, v in figures["page_queries"].items()
            )
            ms = figures["search_ms"]
            print(f"  {label:8} {host:34} {pages}; search p50 {ms['p50']} ms, p95 {ms['p95']} ms")


if __name__ == "__main__":
    if "--probe" in sys.argv:
        probe()
    else:
        outcome = run()
        print(json.dumps(outcome, ensure_ascii=False))
        if "--table" in sys.argv:
            print_table(outcome)
