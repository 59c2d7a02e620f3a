"""Demo: a few documents of the "công khai" collection on the ministry's and Hà Nội's sites;
items such as aid and inspection conclusions stay missing, so the dashboard shows gaps."""

from pathlib import Path

from portal.core.demo import import_demo_file


def load():
    report = import_demo_file(Path(__file__).parent / "disclosures.jsonl")
    return report.summary()
