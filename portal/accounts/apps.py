from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Tài khoản quản trị"

    def ready(self):
        from . import workflow_mail

        workflow_mail.connect()
