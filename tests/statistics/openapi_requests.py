"""The statistics API's requests for the OpenAPI check of tests/api/test_schema.py: a grouped
answer and a bad filter."""

from portal.statistics.csvfiles import ProcessingImportRun

from .conftest import line


def statistics_responses(client, jsonl):
    ProcessingImportRun().import_files([jsonl([line(period="2025-10")], "processing.jsonl")])
    grouped = {"from": "2025-01", "to": "2025-12", "group": "month"}
    return [
        (client.get("/api/statistics/", grouped), "get"),
        (client.get("/api/statistics/", {"from": "2025-13"}), "get"),
    ]
