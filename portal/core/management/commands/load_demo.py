from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Load the demo content of every app that has a `demo` package. Only what is missing "
        "is created, so running it again is fast and keeps editors' changes."
    )

    def handle(self, **options):
        for app_config in apps.get_app_configs():
            if not module_has_submodule(app_config.module, "demo"):
                continue
            demo = import_module(f"{app_config.name}.demo")
            with transaction.atomic():
                loaded = demo.load()
            self.stdout.write(f"Demo {app_config.label}: {loaded}")
