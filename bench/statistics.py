"""Processing statistics at scale (issue 18): generate N processing records (35 agencies ×
procedures × 36 months) and the procedures they name, import the procedures with
`import_content` and the records with `import_processing`, then time the dashboard's and the
API's questions (p50/p95 over every question, repeated).

Usage: python -m bench.statistics [--records 1000000] [--skip-postgres]
Also a step of `python -m bench.run --statistics`.
"""

import argparse
import gzip
import json
import re
import subprocess
import sys
import time

from .environment import REPO, WORK, drop_postgres, postgres_target, sqlite_target

AGENCIES = 35
MONTHS = 36
FIELDS = 20


def log(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def write_files(records):
    """The procedures and processing records files for `records` records; reused when there."""
    from portal.statistics import generator

    procedures = max(1, records // (AGENCIES * MONTHS))
    folder = WORK / "statistics"
    folder.mkdir(parents=True, exist_ok=True)
    procedures_file = folder / f"procedures-{procedures}.jsonl"
    records_file = folder / f"processing-{records}.jsonl.gz"
    codes = [(f"2.{index:06d}", 5 + index % 60) for index in range(procedures)]
    if not procedures_file.exists():
        with procedures_file.open("w", encoding="utf-8") as handle:
            for index, (code, _weight) in enumerate(codes):
                line = {
                    "kind": "procedure",
                    "code": code,
                    "name": f"Thủ tục thử nghiệm số {index + 1}",
                    "fields": [f"Lĩnh vực thử nghiệm {index % FIELDS + 1}"],
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    if not records_file.exists():
        log(f"generating {records} records")
        agency_list = generator.agencies(AGENCIES)
        with gzip.open(records_file, "wt", encoding="utf-8", compresslevel=1) as handle:
            for line in generator.records(codes, agency_list, generator.months(MONTHS)):
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return procedures_file, records_file


def cpu_seconds(target, *args):
    """Run manage.py like Target.manage, also returning user + system CPU seconds: on a shared
    machine the wall time says more about the neighbours than about the import."""
    command = ["/usr/bin/time", "-v", sys.executable, "manage.py", *args]
    result = subprocess.run(
        command, cwd=REPO, env=target.env(), capture_output=True, text=True, timeout=7200
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    cpu = sum(
        float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr)[1])
        for kind in ("User", "System")
    )
    wall = re.search(r"Elapsed \(wall clock\) time .*: ([\d:.]+)", result.stderr)[1]
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1])
    return seconds, cpu, peak / 1024, result.stdout


def run(target, records, log=log):
    procedures_file, records_file = write_files(records)
    target.manage("migrate", "--noinput")
    log(f"[{target.name}] importing {procedures_file.name}")
    procedures = target.manage("import_content", str(procedures_file))
    log(f"[{target.name}] importing {records_file.name}")
    seconds, cpu, peak_mb, output = cpu_seconds(target, "import_processing", str(records_file))
    log(f"[{target.name}] timing the questions")
    probe = subprocess.run(
        [sys.executable, "-m", "bench.statistics_probe"],
        cwd=REPO,
        env=target.env(),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return {
        "database": target.name,
        "records": records,
        "procedures_import_seconds": round(procedures.seconds, 1),
        "import_seconds": round(seconds, 1),
        "import_cpu_seconds": round(cpu, 1),
        "import_peak_rss_mb": round(peak_mb),
        "import_summary": output.strip().splitlines()[-1],
        **json.loads(probe.stdout.strip().splitlines()[-1]),
    }


def print_rows(rows):
    for row in rows:
        print(
            f"{row['database']:9} {row['records']:>9} records: import {row['import_seconds']} s "
            f"wall, {row['import_cpu_seconds']} s CPU ({row['import_summary']}), "
            f"peak {row['import_peak_rss_mb']} MB; "
            f"{row['questions']} questions × {row['repeat']}: p50 {row['p50_ms']} ms, "
            f"p95 {row['p95_ms']} ms, max {row['max_ms']} ms (slowest: {row['slowest']}); "
            f"CPU p50 {row['cpu_p50_ms']} ms, p95 {row['cpu_p95_ms']} ms"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    targets = [sqlite_target()]
    postgres = None if options.skip_postgres else postgres_target()
    if postgres:
        targets.append(postgres)
    try:
        rows = [run(target, options.records) for target in targets]
    finally:
        if postgres:
            drop_postgres(postgres)
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main()
