from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "portal.engagement"
    label = "engagement"
    verbose_name = "Tương tác với người dân"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
