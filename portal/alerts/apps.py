from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "portal.alerts"
    label = "alerts"
    verbose_name = "Theo dõi qua thư điện tử"

    def ready(self):
        from . import matching  # noqa: F401  registers the content event consumer
