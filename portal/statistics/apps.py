from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "portal.statistics"
    label = "statistics"
    verbose_name = "Thống kê giải quyết thủ tục hành chính"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import linking  # noqa: F401  (registers the content event consumer)
