"""`manage.py alerts send` sends what is due in the outbox; `alerts digest daily|weekly` builds
the digests of the last day or week (run once a day from cron, weekly on Mondays); `alerts
status` counts the outbox. Matching runs as a content event consumer (`content_events
process`)."""

from django.core.management.base import BaseCommand

from ...digests import build_digests
from ...matching import work
from ...models import Frequency, OutgoingEmail


class Command(BaseCommand):
    help = "Send email alerts, build digests, or count the outbox."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        commands.add_parser(
            "send", help="Match the changes not yet read, send the alerts and digests due."
        )
        digest = commands.add_parser("digest", help="Build the digests of the last period.")
        digest.add_argument("frequency", choices=[Frequency.DAILY, Frequency.WEEKLY])
        commands.add_parser("status", help="Outbox messages by status.")

    def handle(self, *args, action, **options):
        if action == "send":
            report = work()
            self.stdout.write(
                f"sent {report.sent}, failed {report.failed}"
                + (" (rate limit reached, rest next minute)" if report.rate_limited else "")
            )
        elif action == "digest":
            report = build_digests(options["frequency"])
            self.stdout.write(
                f"{report.period}: {report.subscribers} digests, {report.changes} changes"
            )
        else:
            for value, label in OutgoingEmail.Status.choices:
                count = OutgoingEmail.objects.filter(status=value).count()
                self.stdout.write(f"{value:8} {count:8}  {label}")
