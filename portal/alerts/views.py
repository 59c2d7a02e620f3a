"""Public pages: the subscription form, the confirmation link, the page to manage one's
subscriptions, and unsubscribing (a button, or one POST from the mail client: RFC 8058)."""

from ninja.throttling import BaseThrottle

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core.sites import request_site

from . import subscribing
from .following import news_choices
from .forms import SubscriptionForm, legal_filters
from .models import Frequency, Subscription


def client_address(request):
    """The client as the API's rate limits tell it apart (NINJA_NUM_PROXIES respected)."""
    return BaseThrottle().get_ident(request) or ""


def _message(request, title, text, status=200):
    return render(request, "alerts/message.html", {"title": title, "text": text}, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    params = request.POST if request.method == "POST" else request.GET
    form = SubscriptionForm(
        params if request.method == "POST" else None,
        initial=params.dict(),
        filters=legal_filters(params),
        choices=news_choices(),
        site=request_site(request),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            subscribing.request_subscription(
                data["email"],
                form.target,
                data["frequency"],
                request.LANGUAGE_CODE,
                client_address(request),
            )
        except subscribing.TooMany as error:
            return _message(request, _("Quá nhiều yêu cầu"), str(error), status=429)
        return _message(
            request,
            _("Kiểm tra hộp thư của bạn"),
            _("Chúng tôi đã gửi thư xác nhận tới %(email)s. Hãy mở liên kết trong thư.")
            % {"email": data["email"]},
        )
    context = {"form": form, "filters": form.filters}
    return render(request, "alerts/subscribe.html", context, status=400 if form.is_bound else 200)


def confirm(request, token):
    try:
        subscription = subscribing.confirm(token)
    except subscribing.BadLink as error:
        return _message(request, _("Không xác nhận được"), str(error), status=400)
    return _message(
        request,
        _("Đã xác nhận"),
        _("Bạn sẽ nhận thư khi có thay đổi: %(label)s.") % {"label": subscription.label},
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscriber = subscribing.subscriber_for(token)
    except subscribing.BadLink as error:
        return _message(request, _("Liên kết không hợp lệ"), str(error), status=400)
    if subscriber is None:
        return _message(request, _("Không còn đăng ký"), _("Địa chỉ này không còn theo dõi gì."))
    if request.method == "POST":
        subscription = subscriber.subscriptions.filter(pk=request.POST.get("subscription")).first()
        if subscription is None:
            return _message(request, _("Yêu cầu không hợp lệ"), _("Không có đăng ký này."), 400)
        frequency = request.POST.get("frequency", "")
        if request.POST.get("action") == "delete":
            subscribing.end_subscriptions(subscriber.pk, [subscription.pk])
            if not Subscription.objects.filter(subscriber_id=subscriber.pk).exists():
                return _message(request, _("Đã hủy"), _("Địa chỉ của bạn đã được xóa."))
        elif frequency in Frequency.values:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
        else:
            return _message(request, _("Yêu cầu không hợp lệ"), _("Tần suất không hợp lệ."), 400)
    context = {
        "subscriptions": subscriber.subscriptions.order_by("pk"),
        "frequencies": Frequency.choices,
    }
    return render(request, "alerts/manage.html", context)


@csrf_exempt  # a mail client's one-click POST carries no CSRF token; the signed link is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "GET":
        try:
            subscribing.load(token, subscribing.UNSUBSCRIBE_SALT)
        except subscribing.BadLink as error:
            return _message(request, _("Liên kết không hợp lệ"), str(error), status=400)
        return render(request, "alerts/unsubscribe.html", {})
    try:
        subscribing.unsubscribe(token)
    except subscribing.BadLink as error:
        return _message(request, _("Liên kết không hợp lệ"), str(error), status=400)
    return _message(request, _("Đã hủy nhận thư"), _("Bạn sẽ không nhận thư này nữa."))
