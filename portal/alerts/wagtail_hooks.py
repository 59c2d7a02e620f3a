"""The admin's view of alerts: the outbox (its failures first) and the subscribers, and a
dashboard line when messages could not be sent."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.services import HOOK as SERVICES_HOOK
from portal.core.services import service

from .models import OutgoingEmail, Subscription
from .sending import failure_count


class OutboxViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = "Hộp thư đi"
    list_display = ["subscriber", "period", "status", "attempts", "last_error", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    icon = "pick"
    menu_label = "Đăng ký theo dõi"
    list_display = ["label", "kind", "frequency", "created_at"]
    list_filter = ["kind", "frequency"]


class AlertsGroup(SnippetViewSetGroup):
    menu_label = "Thư theo dõi"
    menu_icon = "mail"
    menu_order = 260
    items = (OutboxViewSet, SubscriptionViewSet)


register_snippet(AlertsGroup)


class FailedAlertsPanel(Component):
    order = 60

    def __init__(self, count):
        self.count = count

    def render_html(self, parent_context=None):
        url = reverse("wagtailsnippets_alerts_outgoingemail:list") + "?status=failed"
        return format_html(
            '<section class="panel"><p><a href="{}">{} thư theo dõi gửi thất bại</a></p></section>',
            url,
            self.count,
        )


@hooks.register("construct_homepage_panels")
def add_failed_alerts_panel(request, panels):
    count = failure_count()
    if count:
        panels.append(FailedAlertsPanel(count))


@hooks.register(SERVICES_HOOK)
def alerts_service(request):
    return [
        service(
            "alerts",
            _("Đăng ký theo dõi"),
            _("Nhận thư khi có tin, văn bản, thủ tục mới về điều bạn quan tâm."),
            reverse("alerts:subscribe"),
            50,
        )
    ]
