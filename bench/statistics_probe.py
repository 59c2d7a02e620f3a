"""Run inside a target's environment: every kind of dashboard and API question about processing
figures (each filter alone and together, each grouping, each period), through the API's code
path (Django's test client on /api/statistics/) and the dashboard page; prints one JSON object
with p50/p95/max over all timings, wall clock and this process's CPU time (on a shared machine
the second says what a query costs; with PostgreSQL it leaves out the server's share)."""

import json
import statistics
import sys
import time

import django

django.setup()

from django.test import Client  # noqa: E402

from portal.statistics.models import Agency, ProcedureRef  # noqa: E402
from portal.statistics.query import add_months, latest_month  # noqa: E402

REPEAT = 5


def questions():
    end = latest_month()
    agency = Agency.objects.exclude(province="").order_by("name").first()
    procedure = ProcedureRef.objects.exclude(field=None).order_by("code").first()
    field = procedure.field.slug
    ranges = {
        "12m": {"from": add_months(end, -11).strftime("%Y-%m"), "to": end.strftime("%Y-%m")},
        "36m": {"from": add_months(end, -35).strftime("%Y-%m"), "to": end.strftime("%Y-%m")},
        "month": {"from": end.strftime("%Y-%m"), "to": end.strftime("%Y-%m")},
    }
    filters = [
        {},
        {"agency": agency.slug},
        {"province": agency.province},
        {"field": field},
        {"procedure": procedure.code},
        {"agency": agency.slug, "field": field},
        {"procedure": procedure.code, "agency": agency.slug},
    ]
    asked = []
    for range_values in ranges.values():
        for filter_values in filters:
            for group in ("", "month", "agency", "field", "procedure"):
                params = {**range_values, **filter_values}
                if group:
                    params["group"] = group
                asked.append(("/api/statistics/", params))
    for period in ("12m", str(end.year), f"{end.year}-Q{(end.month - 1) // 3 + 1}"):
        asked.append(("/thong-ke/", {"period": period}))
        asked.append(("/thong-ke/", {"period": period, "agency": agency.slug}))
        asked.append(("/thong-ke/", {"period": period, "field": field}))
    return asked


def main():
    client = Client(HTTP_HOST="localhost")
    timings, cpu = [], []
    for path, params in questions():
        for _ in range(REPEAT + 1):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path, params, HTTP_CACHE_CONTROL="no-cache")
            elapsed = (time.perf_counter() - started) * 1000
            cpu.append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200, (path, params, response.status_code)
            timings.append((elapsed, path, params))
        timings.pop(-REPEAT - 1)  # the first of each is the warm-up
        cpu.pop(-REPEAT - 1)
    values = sorted(timing[0] for timing in timings)
    cpu.sort()
    slowest = max(timings)
    result = json.dumps(
        {
            "questions": len(timings) // REPEAT,
            "repeat": REPEAT,
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
            "max_ms": round(values[-1], 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "cpu_p95_ms": round(cpu[int(len(cpu) * 0.95) - 1], 1),
            "slowest": f"{slowest[1]}?{'&'.join(f'{k}={v}' for k, v in slowest[2].items())}",
        },
        ensure_ascii=False,
    )
    print(result, file=sys.stderr)
    print(result)


if __name__ == "__main__":
    main()
