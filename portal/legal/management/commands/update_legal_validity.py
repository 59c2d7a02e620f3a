from django.core.management.base import BaseCommand

from portal.legal.validity import refresh_validity


class Command(BaseCommand):
    help = (
        "Recompute the validity status of every legal document from its dates and relations "
        "(run daily: documents come into force and expire with the calendar)."
    )

    def handle(self, **options):
        changed = refresh_validity()
        self.stdout.write(f"{changed} văn bản thay đổi tình trạng hiệu lực")
