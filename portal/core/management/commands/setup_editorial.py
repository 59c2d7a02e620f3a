from django.core.management.base import BaseCommand

from portal.core.editorial import BOARD, EDITORS, setup_editorial


class Command(BaseCommand):
    help = (
        "Create the editorial groups (Biên tập viên, Ban biên tập), their permissions and the "
        "approval workflow “Ban biên tập duyệt” at every home page. Safe to run again."
    )

    def handle(self, **options):
        workflow = setup_editorial()
        self.stdout.write(f"Workflow “{workflow.name}”; groups “{EDITORS}”, “{BOARD}”.")
