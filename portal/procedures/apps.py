from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "portal.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
