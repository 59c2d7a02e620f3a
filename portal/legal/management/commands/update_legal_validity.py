from django.core.management.base import BaseCommand

from portal.core.publishing import Actor, acting_as
from portal.legal.validity import refresh_validity


class Command(BaseCommand):
    help = (
        "Recompute the validity status of every legal document from its dates and relations "
        "(run daily: documents come into force and expire with the calendar)."
    )

    def handle(self, **options):
        with acting_as(Actor("update_legal_validity")):
            changed = refresh_validity()
        self.stdout.write(f"{changed} văn bản thay đổi tình trạng hiệu lực")
