"""Double opt-in without storing anything first: the confirmation link carries the whole request
(email, what to follow, frequency, language), signed and valid for a week; only clicking it
stores the subscriber. Manage and unsubscribe links are signed too, and need no login.

Floods are refused before any email leaves: ALERTS_SUBSCRIBE_RATE requests per client address
and per email address, counted in the cache (a hash of the address, never stored).
"""

import hashlib
import re

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core import rate_limits
from portal.core.public_url import root_url

from .following import Target
from .models import Frequency, Subscriber, Subscription

CONFIRM_SALT = "portal.alerts.confirm"
MANAGE_SALT = "portal.alerts.manage"
UNSUBSCRIBE_SALT = "portal.alerts.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600
LANGUAGES = ("vi", "en")
# What the confirmation mail quotes of what the subscriber typed (someone else may have typed it
# with the victim's address: an official mail must not carry their message or their links).
EXCERPT_CHARACTERS = 80
LINKISH = re.compile(
    r"\S*(?:://|www\.)\S*"  # an address with a scheme, or www.
    r"|\S*[\w-]+\.[a-z]{2,24}(?:[/:?#]\S*)?(?![\w.])",  # a bare domain: example.vn/…
    re.IGNORECASE,
)


def excerpt(label):
    """A short, link-free quotation of a subscription's label for the confirmation mail."""
    text = " ".join(LINKISH.sub("…", label).split())
    if len(text) > EXCERPT_CHARACTERS:
        text = text[: EXCERPT_CHARACTERS - 1].rstrip() + "…"
    return f"“{text}”"


class BadLink(ValueError):
    """A link that was forged, mangled or has expired; the message says what to do."""


class TooMany(Exception):
    pass


def absolute(path):
    return root_url() + path


def link(name, token, language="vi"):
    """The absolute address of a page of alerts in that language (/en/… for English)."""
    with translation.override(language):
        return absolute(reverse(f"alerts:{name}", args=[token]))


def _take(key):
    return rate_limits.take(key, settings.ALERTS_SUBSCRIBE_RATE)


def check_flood(client_address, email):
    """TooMany when this client or this email address asked too often."""
    digest = hashlib.sha256(email.lower().encode()).hexdigest()[:32]
    if not (_take(f"alerts-subscribe:ip:{client_address}") and _take(f"alerts-subscribe:{digest}")):
        raise TooMany(_("Bạn đã đăng ký quá nhiều lần. Vui lòng thử lại sau."))


def request_subscription(email, target: Target, frequency, language, client_address):
    """Send the confirmation email; nothing is stored until the link in it is clicked."""
    language = language if language in LANGUAGES else "vi"
    check_flood(client_address, email)
    token = signing.dumps(
        {
            "e": email.lower(),
            "k": target.kind,
            "q": target.query,
            "l": target.label,
            "f": frequency,
            "lang": language,
        },
        salt=CONFIRM_SALT,
        compress=True,
    )
    context = {"label": excerpt(target.label), "confirm_url": link("confirm", token, language)}
    with translation.override(language):
        message = EmailMultiAlternatives(
            subject=_("Xác nhận đăng ký theo dõi"),
            body=render_to_string("alerts/email/confirm.txt", context),
            to=[email],
        )
        message.attach_alternative(
            render_to_string("alerts/email/confirm.html", context), "text/html"
        )
    message.send()


def confirm(token):
    """Store the subscription the token asks for (once, however often it is clicked)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise BadLink(_("Liên kết xác nhận đã hết hạn. Vui lòng đăng ký lại.")) from None
    except signing.BadSignature:
        raise BadLink(_("Liên kết xác nhận không hợp lệ.")) from None
    target = Target(data["k"], data["q"], data["l"])
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email=data["e"], defaults={"language": data["lang"]}
        )
        subscription, _created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            query_key=target.key,
            defaults={
                "kind": target.kind,
                "query": target.query,
                "label": target.label,
                "frequency": data["f"] if data["f"] in Frequency.values else Frequency.IMMEDIATE,
            },
        )
    return subscription


def manage_token(subscriber):
    return signing.dumps({"s": subscriber.pk}, salt=MANAGE_SALT)


def unsubscribe_token(subscriber, subscription_ids):
    return signing.dumps({"s": subscriber.pk, "i": sorted(subscription_ids)}, salt=UNSUBSCRIBE_SALT)


def load(token, salt):
    try:
        return signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise BadLink(_("Liên kết không hợp lệ.")) from None


def subscriber_for(token):
    """The subscriber a manage link names, or None once they have unsubscribed from all."""
    return Subscriber.objects.filter(pk=load(token, MANAGE_SALT)["s"]).first()


def unsubscribe(token):
    """End the subscriptions the link names; the subscriber goes with the last one."""
    data = load(token, UNSUBSCRIBE_SALT)
    return end_subscriptions(data["s"], data["i"])


def end_subscriptions(subscriber_id, subscription_ids=None):
    with transaction.atomic():
        subscriptions = Subscription.objects.filter(subscriber_id=subscriber_id)
        if subscription_ids is not None:
            subscriptions = subscriptions.filter(pk__in=subscription_ids)
        ended = subscriptions.delete()[0]
        if not Subscription.objects.filter(subscriber_id=subscriber_id).exists():
            Subscriber.objects.filter(pk=subscriber_id).delete()  # with its outbox
    return ended
