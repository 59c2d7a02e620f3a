"""Alerts at scale: 100,000 subscribers and a day of changes, then the daily digests built.

Run alone with `.venv/bin/python -m bench.run --only-alerts` (no corpus needed), or as a step of
`make bench`. In a subprocess with the target's settings, the generator writes subscribers
(about a third daily, a tenth weekly, the rest immediate), 1 to 3 subscriptions each among 400
followed queries and 3,000 followed pages, and a day of changes (600 content events, each
matching 1 to 6 of those queries or pages) as the log consumer records them; then it times
`build_digests("daily")` and a second, idempotent run.
"""

import json
import random
import subprocess
import sys
import time

from .environment import REPO

SUBSCRIBERS = 100_000
QUERIES = 400
PAGES = 3_000
EVENTS = 600
SEED = 19


def generate(subscribers=SUBSCRIBERS, seed=SEED):
    """Subscribers, subscriptions and a day of matches (yesterday); returns the counts."""
    import datetime

    from django.utils import timezone

    from portal.alerts.following import query_key
    from portal.alerts.models import Match, OutgoingEmail, Subscriber, Subscription

    random_ = random.Random(seed)
    OutgoingEmail.objects.all().delete()
    Match.objects.all().delete()
    Subscriber.objects.all().delete()
    queries = [{"kind": ["legal"], "issuer": [f"co-quan-{n}"]} for n in range(QUERIES)]
    queries += [{"page": n} for n in range(1, PAGES + 1)]
    keys = [query_key(query) for query in queries]
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (Subscriber(email=f"nguoi-{n}@example.vn", created_at=now) for n in range(subscribers)),
        batch_size=5000,
    )
    ids = list(Subscriber.objects.values_list("pk", flat=True))
    subscriptions = []
    for subscriber_id in ids:
        roll = random_.random()
        frequency = "daily" if roll < 0.34 else "weekly" if roll < 0.44 else "immediate"
        for index in random_.sample(range(len(queries)), random_.randint(1, 3)):
            subscriptions.append(
                Subscription(
                    subscriber_id=subscriber_id,
                    kind="page" if "page" in queries[index] else "legal",
                    query=queries[index],
                    query_key=keys[index],
                    label=f"Theo dõi {index}",
                    frequency=frequency,
                    created_at=now - datetime.timedelta(days=3),
                )
            )
    Subscription.objects.bulk_create(subscriptions, batch_size=5000)
    yesterday = timezone.localtime(now).replace(hour=12) - datetime.timedelta(days=1)
    matches = []
    for event_id in range(1, EVENTS + 1):
        for index in random_.sample(range(len(queries)), random_.randint(1, 6)):
            matches.append(
                Match(
                    query_key=keys[index],
                    event_id=event_id,
                    change={
                        "code": "new",
                        "title": f"Văn bản {event_id}",
                        "url": "/",
                        "params": {},
                    },
                    created_at=yesterday,
                )
            )
    Match.objects.bulk_create(matches, batch_size=5000)
    return {"subscribers": len(ids), "subscriptions": len(subscriptions), "matches": len(matches)}


def measure():
    """Inside Django: generate, then time the digests."""
    from portal.alerts.digests import build_digests

    started = time.perf_counter()
    counts = generate()
    generated = time.perf_counter() - started
    started = time.perf_counter()
    report = build_digests("daily")
    built = time.perf_counter() - started
    started = time.perf_counter()
    again = build_digests("daily")
    rebuilt = time.perf_counter() - started
    return {
        **counts,
        "generate_seconds": round(generated, 1),
        "daily_digests": report.subscribers,
        "digest_changes": report.changes,
        "build_daily_digests_seconds": round(built, 2),
        "second_run_seconds": round(rebuilt, 2),
        "second_run_new_digests": again.subscribers,
    }


def run(target, log, migrate=False):
    log(f"[{target.name}] alerts: {SUBSCRIBERS:,} subscribers, daily digests")
    env = target.env(EMAIL_URL="", ALERTS_SEND_RATE="0")
    if migrate:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=REPO,
            env=env,
            check=True,
        )
    result = subprocess.run(
        [sys.executable, "-m", "bench.alerts"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return {"database": target.name, **json.loads(result.stdout.strip().splitlines()[-1])}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(measure()))
