from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Lõi cổng thông tin"

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers the system checks)
            frontend_cache,  # noqa: F401 (registers the front proxy purge consumer)
        )
        from .logging import forget_request
        from .publishing import signal_handlers as publishing_signals
        from .signal_handlers import create_cache_table

        post_migrate.connect(create_cache_table, sender=self)
        request_finished.connect(forget_request)
        publishing_signals.connect()
