from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "portal.legal"
    label = "legal"
    verbose_name = "Văn bản"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
