"""Submissions under load (issue 27): 16 clients post questions and reports for 60 s to gunicorn
with the production settings and a task worker, while `import_processing` imports 100,000
generated processing lines (again and again, alternating two versions of the figures, so it
writes all the time). Counted: answers by status, latency of the posts, import passes; then
every code answered 201 is looked up in the database: stored once, none stored without one.

Usage: python -m bench.concurrency [--seconds 60] [--clients 16] [--records 100000]
       [--skip-postgres]
Also a step of `python -m bench.run --concurrency`.
"""

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

from .environment import REPO, WORK, drop_postgres, postgres_target, sqlite_target
from .serving import Gunicorn, free_port
from .statistics import log, write_files
from .throughput import production_env

# Every client is on 127.0.0.1: no challenge and no per-address limit on submissions.
OPEN_SUBMISSIONS = {"ENGAGEMENT_CAPTCHA": "off", "ENGAGEMENT_SUBMIT_RATE": "100000000/h"}
QUESTION = {
    "name": "Nguyễn Văn An",
    "province": "Hà Nội",
    "email": "an@example.vn",
    "title": "Thời hạn cấp giấy chứng nhận quyền sử dụng đất",
    "text": "Xin hỏi thời hạn giải quyết thủ tục cấp giấy chứng nhận lần đầu là bao lâu?",
    "consent": True,
}
REPORT = {
    "category": "water",
    "province": "Đồng Nai",
    "address": "Bờ sông Đồng Nai",
    "description": "Nước thải màu đen xả ra sông vào ban đêm.",
    "name": "Lê Văn Cường",
    "email": "cuong@example.vn",
    "consent": True,
}
STORED = (
    "import json; from portal.engagement.models import Question, Report; "
    "print(json.dumps({'question': list(Question.objects.values_list('code', flat=True)), "
    "'report': list(Report.objects.values_list('code', flat=True))}))"
)


def figure_files(records):
    """Two versions of the same records (every count of the second one more), so each import
    pass changes every line."""
    _procedures, first = write_files(records)
    second = WORK / "statistics" / f"processing-{records}-changed.jsonl.gz"
    if not second.exists():
        with (
            gzip.open(first, "rt", encoding="utf-8") as source,
            gzip.open(second, "wt", encoding="utf-8", compresslevel=1) as changed,
        ):
            for line in source:
                record = json.loads(line)
                record["received"] += 1
                changed.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [first, second]


def post(url, body):
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, answer = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status, answer = error.code, {}
    except OSError as error:  # no answer at all: counted as lost
        status, answer = type(error).__name__, {}
    return status, answer.get("code"), (time.perf_counter() - started) * 1000


def clients(base, count, seconds):
    results = []
    deadline = time.monotonic() + seconds

    def client(number):
        sent = 0
        while time.monotonic() < deadline:
            kind = "question" if sent % 2 == 0 else "report"
            body = dict(QUESTION if kind == "question" else REPORT)
            body["text" if kind == "question" else "description"] += f" ({number}-{sent})"
            status, code, ms = post(f"{base}/api/{kind}s/", body)
            results.append((kind, status, code, ms))
            sent += 1

    threads = [threading.Thread(target=client, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    return threads, results


def run(target, seconds=60, count=16, records=100_000, log=log):
    files = figure_files(records)
    target.manage("migrate", "--noinput")
    env = production_env(target) | OPEN_SUBMISSIONS
    port = free_port()
    subprocess.run(
        [sys.executable, "manage.py", "site_address", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log(f"[{target.name}] serving; {count} clients for {seconds} s during the import")
    server = Gunicorn("portal.wsgi", env, port=port)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    passes = []

    def start_import(path):
        command = [sys.executable, "manage.py", "import_processing", str(path)]
        return subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ), time.monotonic()

    try:
        importing, started = start_import(files[0])
        threads, results = clients(server.base, count, seconds)
        while True:
            clients_running = any(thread.is_alive() for thread in threads)
            if importing.poll() is not None:
                output, errors = importing.communicate()
                passes.append(
                    {
                        "seconds": round(time.monotonic() - started, 1),
                        "exit": importing.returncode,
                        "summary": (output.strip().splitlines() or [""])[-1],
                        "stderr_tail": errors[-500:] if importing.returncode else "",
                    }
                )
                if not clients_running:
                    break
                importing, started = start_import(files[len(passes) % 2])
            time.sleep(0.2)
        worker_alive = worker.poll() is None
    finally:
        server.stop()
        worker.terminate()
        worker.wait(timeout=30)
    stored = json.loads(
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", STORED],
            cwd=REPO,
            env=target.env(),
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    statuses = Counter(str(status) for _kind, status, _code, _ms in results)
    answered = Counter((kind, code) for kind, status, code, _ms in results if status == 201)
    in_database = Counter((kind, code) for kind, codes in stored.items() for code in codes)
    latencies = sorted(ms for *_rest, ms in results)
    return {
        "database": target.name,
        "clients": count,
        "seconds": seconds,
        "records": records,
        "posts": len(results),
        "statuses": dict(statuses),
        "server_errors": sum(n for status, n in statuses.items() if status.startswith("5")),
        "created": sum(answered.values()),
        "created_stored_once": sum(1 for key in answered if in_database[key] == 1),
        "stored_without_201": sum(1 for key in in_database if key not in answered),
        "p50_ms": round(statistics.median(latencies)),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)]),
        "max_ms": round(latencies[-1]),
        "import_passes": passes,
        "worker_alive": worker_alive,
    }


def print_rows(rows):
    for row in rows:
        passes = ", ".join(
            f"{item['seconds']} s exit {item['exit']} ({item['summary']})"
            for item in row["import_passes"]
        )
        print(
            f"{row['database']:9} {row['clients']} clients × {row['seconds']} s: "
            f"{row['posts']} posts {row['statuses']}, {row['server_errors']} server errors; "
            f"{row['created']} created, {row['created_stored_once']} stored once, "
            f"{row['stored_without_201']} stored without a 201; p50 {row['p50_ms']} ms, "
            f"p95 {row['p95_ms']} ms, max {row['max_ms']} ms; worker alive: "
            f"{row['worker_alive']}; import passes of {row['records']} lines: {passes}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    targets = [sqlite_target()]
    postgres = None if options.skip_postgres else postgres_target()
    if postgres:
        targets.append(postgres)
    try:
        rows = [
            run(target, options.seconds, options.clients, options.records) for target in targets
        ]
    finally:
        if postgres:
            drop_postgres(postgres)
    print_rows(rows)
    print(json.dumps(rows, ensure_ascii=False))
    return rows


if __name__ == "__main__":
    main()
