"""Admin pages of two-factor authentication: set up an authenticator app, verify a code after
signing in (or use a recovery code), get new recovery codes.

Replacing an app or the recovery codes of a user who has a second factor asks for it again (a
code of the app or a recovery code), even in a verified session, and mails the owner."""

import base64

import segno
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .two_factor import has_device, new_recovery_codes, notify_owner, redirect_keeping_next


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Mã xác thực"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class CurrentFactorForm(forms.Form):
    """The second factor the user already has, asked again before it is changed."""

    current_token = forms.CharField(
        label=_("Mã xác thực hiện tại (ứng dụng đang dùng hoặc mã dự phòng)"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_token(self):
        token = self.cleaned_data["current_token"].strip().replace(" ", "")
        if match_token(self.user, token) is None:
            raise forms.ValidationError(_("Mã xác thực hiện tại không đúng."))
        return token


class ReplaceDeviceForm(CurrentFactorForm, TokenForm):
    field_order = ["current_token", "token"]


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, request.get_host(), request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def setup(request):
    """Scan the QR code with an authenticator app, confirm with one code, keep the recovery
    codes shown once. A user with a confirmed device must have verified with it in this
    session, and enters a current code again to replace it."""
    user = request.user
    replacing = has_device(user)
    if replacing and not user.is_verified():
        return redirect_keeping_next("accounts_2fa_verify", request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    data = request.POST if request.method == "POST" else None
    form = ReplaceDeviceForm(data, user=user) if replacing else TokenForm(data)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save()
                codes = new_recovery_codes(user)
            otp_login(request, device)
            notify_owner(
                request,
                user,
                _("ứng dụng xác thực đã được thay và có mã dự phòng mới.")
                if replacing
                else _("ứng dụng xác thực đã được thêm và có mã dự phòng mới."),
            )
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Nhập mã mới trong ứng dụng."))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "replacing": replacing,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4),
            "secret": base64.b32encode(device.bin_key).decode(),
            "next": _next_url(request),
        },
    )


def recovery_codes(request):
    """New recovery codes (the old ones stop working), for a user with a second factor who
    enters a current code."""
    user = request.user
    if not has_device(user):
        return redirect_keeping_next("accounts_2fa_setup", request)
    form = CurrentFactorForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        codes = new_recovery_codes(user)
        notify_owner(request, user, _("các mã dự phòng cũ đã được thay bằng mã mới."))
        return render(
            request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
        )
    return render(
        request, "accounts/new_recovery_codes.html", {"form": form, "next": _next_url(request)}
    )


def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "token", _("Mã không đúng. Nhập mã mới trong ứng dụng hoặc một mã dự phòng.")
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )
