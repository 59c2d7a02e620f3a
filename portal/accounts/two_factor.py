"""Two-factor authentication for the Wagtail admin with django-otp: TOTP apps and single-use
recovery codes.

A user who has set up a device must verify with it after signing in before any admin page,
setting up included: only a user without a confirmed device may set one up unverified. With
ADMIN_REQUIRE_2FA on, a user without one is sent to set one up first. Checked by
RequireTwoFactorMiddleware, after django-otp's OTPMiddleware. Every change of a user's devices
or recovery codes is mailed to the account's owner.
"""

from urllib.parse import urlencode

from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from django.conf import settings
from django.core.mail import EmailMessage
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
RECOVERY_CODES = 10
# What a signed-in, unverified user may still reach: verifying and signing out; setting up a
# device only while the user has none.
OPEN_URL_NAMES = ("accounts_2fa_verify", "wagtailadmin_logout")
OPEN_WITHOUT_DEVICE_URL_NAMES = ("accounts_2fa_setup",)


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones and return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def notify_owner(request, user, change):
    """Tell the account's owner that its second factor changed, so that a change they did not
    make (someone holding their password and a factor) does not go unnoticed."""
    if not user.email:
        return
    body = _(
        "Xin chào %(user)s,\n\n"
        "Xác thực hai bước của tài khoản %(user)s đã thay đổi: %(change)s\n"
        "Thời gian: %(time)s. Địa chỉ IP: %(address)s.\n\n"
        "Nếu không phải bạn thực hiện, hãy đổi mật khẩu ngay và báo cho quản trị viên."
    ) % {
        "user": user.get_username(),
        "change": change,
        "time": timezone.localtime().strftime("%H:%M %d/%m/%Y"),
        "address": request.META.get("REMOTE_ADDR", ""),
    }
    EmailMessage(_("Xác thực hai bước của tài khoản đã thay đổi"), body, None, [user.email]).send()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_URL_NAMES}
        ):
            if has_device(user):
                return redirect_keeping_next("accounts_2fa_verify", request)
            open_without_device = {reverse(name) for name in OPEN_WITHOUT_DEVICE_URL_NAMES}
            if settings.ADMIN_REQUIRE_2FA and request.path not in open_without_device:
                return redirect_keeping_next("accounts_2fa_setup", request)
        return self.get_response(request)


def redirect_keeping_next(name, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
