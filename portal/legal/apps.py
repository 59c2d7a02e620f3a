from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "portal.legal"
    label = "legal"
    verbose_name = "Văn bản"
