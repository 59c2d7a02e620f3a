from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from django.utils.module_loading import module_has_submodule

DEMO_MAIL = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the demo content of every app that has a `demo` package. Only what is missing "
        "is created, so running it again is fast and keeps editors' changes."
    )

    def handle(self, **options):
        # Demo people are made up: the receipts and notices their demo submissions would send
        # stay in memory, never reach the configured mail server.
        with override_settings(EMAIL_BACKEND=DEMO_MAIL):
            for app_config in apps.get_app_configs():
                if not module_has_submodule(app_config.module, "demo"):
                    continue
                demo = import_module(f"{app_config.name}.demo")
                with transaction.atomic():
                    loaded = demo.load()
                self.stdout.write(f"Demo {app_config.label}: {loaded}")
