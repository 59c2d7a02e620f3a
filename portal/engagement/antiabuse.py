"""Anti-abuse without a foreign service: a per-address rate limit, a honeypot field and an
arithmetic challenge signed by the server (no image, no third party, works without JavaScript).

Settings: ENGAGEMENT_SUBMIT_RATE ("10/h": submissions per address), ENGAGEMENT_RATING_RATE
("60/h": ratings per address), ENGAGEMENT_CAPTCHA ("on" or "off"), ENGAGEMENT_API_KEYS (keys of
trusted partner systems, which skip the challenge).
"""

import datetime
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core import rate_limits

SALT = "portal.engagement.challenge"
CHALLENGE_SECONDS = 3600
HONEYPOT = "website"


def client_address(request):
    """The client's address; behind N proxies (NINJA_NUM_PROXIES), from X-Forwarded-For."""
    proxies = getattr(settings, "NINJA_NUM_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


def _rate():
    return getattr(settings, "ENGAGEMENT_SUBMIT_RATE", "10/h")


def _key(request):
    return f"engagement-submit:{client_address(request)}"


def take_rating_slot(request):
    """Count one rating from this address; False when it is over ENGAGEMENT_RATING_RATE."""
    rate = getattr(settings, "ENGAGEMENT_RATING_RATE", "60/h")
    return rate_limits.take(f"engagement-rating:{client_address(request)}", rate)


def from_another_site(request):
    """Whether the browser says a POST comes from a page of another site (Sec-Fetch-Site, else
    Origin): how a form without a CSRF token tells a forged request."""
    fetch_site = request.headers.get("Sec-Fetch-Site", "")
    if fetch_site:
        return fetch_site not in ("same-origin", "same-site", "none")
    origin = request.headers.get("Origin", "")
    if not origin or origin == "null":
        return bool(origin)
    return urlsplit(origin).netloc != request.get_host()


def at_limit(request):
    """Whether this address has sent all the accepted submissions the limit allows."""
    return rate_limits.full(_key(request), _rate())


def count_accepted(request):
    """Count an accepted submission: refused ones (a mistake in the form) never count."""
    rate_limits.take(_key(request), _rate())


def retry_after(request):
    """Seconds until this address may send again."""
    return rate_limits.seconds_left(_key(request), _rate())


def try_again_message(request):
    """The limit's message, saying when to try again."""
    seconds = retry_after(request)
    minutes = max(1, -(-seconds // 60))
    at = timezone.localtime(timezone.now() + datetime.timedelta(seconds=seconds))
    return ngettext(
        "Bạn đã gửi đủ số lần cho phép. Vui lòng thử lại sau %(minutes)s phút (lúc %(time)s).",
        "Bạn đã gửi đủ số lần cho phép. Vui lòng thử lại sau %(minutes)s phút (lúc %(time)s).",
        minutes,
    ) % {"minutes": minutes, "time": at.strftime("%H:%M")}


def captcha_enabled():
    return str(getattr(settings, "ENGAGEMENT_CAPTCHA", "on")).lower() not in {"off", "0", "false"}


def trusted_partner(request):
    key = request.headers.get("X-Api-Key", "")
    keys = [k for k in getattr(settings, "ENGAGEMENT_API_KEYS", []) if k]
    return bool(key) and any(secrets.compare_digest(key, known) for known in keys)


def new_challenge():
    """(token, question): the answer is inside the signed token, never in a session."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"a": first, "b": second, "n": secrets.token_hex(8)}, salt=SALT)
    return token, _("%(first)s cộng %(second)s bằng mấy?") % {"first": first, "second": second}


def check_challenge(token, answer):
    """None when the answer is right (each challenge works once), else the error message."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=CHALLENGE_SECONDS)
    except signing.BadSignature:
        return _("Mã kiểm tra đã hết hạn hoặc không hợp lệ. Vui lòng trả lời câu hỏi mới.")
    if str(answer or "").strip() != str(data["a"] + data["b"]):
        return _("Câu trả lời kiểm tra chưa đúng.")
    if not cache.add(f"engagement-challenge:{data['n']}", 1, CHALLENGE_SECONDS):
        return _("Mã kiểm tra đã được dùng. Vui lòng trả lời câu hỏi mới.")
    return None


def over_limit_page(request, template, context):
    """The form again with what was typed (files aside) and when to try again: 429."""
    context = {**context, "rate_limited": try_again_message(request)}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(retry_after(request))
    return response
