from django.core.management.base import BaseCommand

from portal.engagement.personal_data import erase_expired


class Command(BaseCommand):
    help = (
        "Erase the personal data of questions, reports and what other apps register past their "
        "retention period (ENGAGEMENT_RETENTION_DAYS); the submissions stay, anonymous, for "
        "statistics. "
        "Run it daily (cron, systemd timer)."
    )

    def handle(self, **options):
        erased = erase_expired()
        self.stdout.write(", ".join(f"{kind}: {count}" for kind, count in erased.items()))
