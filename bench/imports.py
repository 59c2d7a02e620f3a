"""Import each corpus file into a target database: wall time and peak memory."""

from .environment import CORPUS

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
