"""Remind the staff of reports due soon and tell them of reports past their deadline (daily)."""

from django.core.management.base import BaseCommand

from portal.engagement.deadlines import send_reminders


class Command(BaseCommand):
    help = "Email the staff: reports due within two working days, and reports now overdue."

    def handle(self, *args, **options):
        reminded, notified = send_reminders()
        self.stdout.write(f"{reminded} reminders, {notified} overdue notices sent")
