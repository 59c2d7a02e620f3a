from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "portal.drafts"
    label = "drafts"
    verbose_name = "Dự thảo lấy ý kiến"
