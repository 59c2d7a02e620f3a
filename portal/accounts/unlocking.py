"""Unlocking one's own account by email. A sign-in locked after failed attempts (django-axes,
per account and address) offers to mail the account's owner a link; the link, signed and valid
for an hour, lifts that lockout once. Mails to one account are limited (ACCOUNT_MAIL_RATE), and
the page answers the same whether or not anything was sent, so it tells nobody what exists.

The link only shows a button: lifting the lockout is a POST, so a mail scanner that follows
links does not use it up."""

from axes.models import AccessAttempt
from axes.utils import reset

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core import rate_limits
from portal.core.public_url import absolute

from .forms import take_mail_slot

SALT = "portal.accounts.unlock"
MAX_AGE = 3600


def _owner(username):
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}, is_active=True).first()


@require_POST
def request_unlock(request):
    username = request.POST.get("username", "")[:150]
    address = rate_limits.client_address(request)
    attempt = (
        AccessAttempt.objects.filter(username=username, ip_address=address)
        .order_by("-attempt_time")
        .first()
    )
    user = _owner(username) if attempt else None
    if user and user.email and take_mail_slot(user, "unlock"):
        token = signing.dumps({"attempt": attempt.pk, "user": user.pk}, salt=SALT)
        link = absolute(reverse("account_unlock", args=[token]), request)
        body = _(
            "Xin chào %(user)s,\n\n"
            "Tài khoản %(user)s bị tạm khóa đăng nhập sau nhiều lần nhập sai mật khẩu. "
            "Nếu chính bạn đã đăng nhập, hãy mở liên kết sau (có hiệu lực trong 1 giờ) để mở "
            "khóa:\n%(link)s\n\n"
            "Nếu không phải bạn, đừng mở liên kết; hãy đổi mật khẩu và báo cho quản trị viên."
        ) % {"user": user.get_username(), "link": link}
        EmailMessage(_("Mở khóa đăng nhập"), body, None, [user.email]).send()
    return render(request, "accounts/unlock.html", {"state": "sent"})


def unlock(request, token):
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        attempt = AccessAttempt.objects.get(pk=data["attempt"])
        user = get_user_model().objects.get(pk=data["user"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, AccessAttempt.DoesNotExist):
        attempt = user = None
    except get_user_model().DoesNotExist:
        attempt = user = None
    if attempt is None or attempt.username != user.get_username():
        return render(request, "accounts/unlock.html", {"state": "invalid"}, status=400)
    if request.method != "POST":
        return render(request, "accounts/unlock.html", {"state": "confirm"})
    reset(ip=attempt.ip_address, username=attempt.username)
    return render(request, "accounts/unlock.html", {"state": "unlocked"})
