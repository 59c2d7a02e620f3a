"""Import each corpus file into a target database: wall time and peak memory."""

import sys

from .environment import CORPUS, sqlite_target

FILES = [
    "fields.jsonl",
    "procedures.jsonl",
    "legal_metadata.jsonl",
    "laws.jsonl",
    "phapdien.jsonl.gz",
    "news_sample.jsonl",
]


def run(target, log):
    target.manage("migrate", "--noinput")
    rows = []
    for name in FILES:
        log(f"[{target.name}] importing {name}")
        measured = target.manage("import_content", str(CORPUS / name))
        lines = measured.stdout.strip().splitlines()
        summary = lines[-1] if lines else ""
        rows.append(
            {
                "database": target.name,
                "file": name,
                "seconds": round(measured.seconds, 1),
                "peak_rss_mb": round(measured.peak_rss_mb),
                "summary": summary,
            }
        )
    return rows


def previous_sqlite(log, skip_phapdien=False):
    """The previous run's SQLite database, with the corpus imported into it when it is missing;
    returns (target, whether it was imported now)."""
    target = sqlite_target(keep=True)
    if target.built:
        return target, False
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is not at {CORPUS}")
    if skip_phapdien:
        FILES.remove("phapdien.jsonl.gz")
    run(target, log)
    return target, True
