"""Remind the staff of reports due soon and tell them of reports past their deadline (daily):
now, or with --schedule every morning on the background worker (deadline_schedule.py)."""

from django.core.management.base import BaseCommand

from portal.engagement.deadline_schedule import book_next_run
from portal.engagement.deadlines import send_reminders


class Command(BaseCommand):
    help = "Email the staff: reports due within two working days, and reports now overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Book the daily run on the background worker (kept if one is booked already).",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            when = book_next_run()
            if when:
                self.stdout.write(f"next run booked for {when:%Y-%m-%d %H:%M}")
            else:
                self.stdout.write("a run is booked already, or no worker runs (use cron)")
            return
        reminded, notified = send_reminders()
        self.stdout.write(f"{reminded} reminders, {notified} overdue notices sent")
