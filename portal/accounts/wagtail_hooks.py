from axes.models import AccessAttempt

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/setup/", views.setup, name="accounts_2fa_setup"),
        path("2fa/verify/", views.verify, name="accounts_2fa_verify"),
        path("2fa/recovery-codes/", views.recovery_codes, name="accounts_2fa_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_setup"),
        "label": "Xác thực hai bước",
        "help_text": "Ứng dụng xác thực và mã dự phòng.",
    }


class LoginLockoutViewSet(ModelViewSet):
    """Lockouts after failed sign-ins (django-axes), for administrators: who, from where, how
    many failures; deleting a row lifts that lockout."""

    model = AccessAttempt
    icon = "lock"
    menu_label = "Khóa đăng nhập"
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username", "ip_address"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def login_lockouts():
    return LoginLockoutViewSet("login_lockouts")
