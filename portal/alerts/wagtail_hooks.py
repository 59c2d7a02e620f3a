"""The admin's view of alerts: the outbox (its failures first) and the subscribers, and a
dashboard line when messages could not be sent."""

from django.urls import reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
