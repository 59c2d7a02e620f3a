from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "portal.disclosure"
    label = "disclosure"
    verbose_name = "Tiếp cận thông tin"
