"""`manage.py search_report --days 7`: the dashboard's figures as text (or `--csv`)."""

import sys

from django.core.management.base import BaseCommand

from ...analytics.figures import figures, period, write_csv


class Command(BaseCommand):
    help = "Search analytics over the last N days: per day, top, zero-result, unclicked, CTR."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--top", type=int, default=20)
        parser.add_argument("--csv", action="store_true", help="Write CSV to standard output.")

    def handle(self, *args, days, top, csv, **options):
        if days < 1:
            self.stderr.write("--days must be at least 1")
            sys.exit(2)
        result = figures(*period(days), top=top)
        if csv:
            write_csv(result, self.stdout)
            return
        out = self.stdout.write
        out(f"Searches {result.start} .. {result.end}: {result.searches}")
        out("Per day:")
        for day, n in result.per_day:
            out(f"  {day.isoformat()}  {n}")
        for title, rows in (
            ("Top queries", result.top),
            ("Zero-result queries", result.zero),
            ("Queries with no click", result.no_clicks),
        ):
            out(f"{title}:")
            for query, n in rows:
                out(f"  {n:6}  {query}")
        out("Click-through by position:")
        for position, n, rate in result.positions:
            out(f"  {position:3}  {n:6}  {rate:.1%}")
