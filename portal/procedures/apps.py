from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "portal.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"
