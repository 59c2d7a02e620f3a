from django.forms import CheckboxSelectMultiple

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.visibility import SCHEDULE_HOOK

from . import models


class MaintenanceNoticeViewSet(SnippetViewSet):
    model = models.MaintenanceNotice
    icon = "warning"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["message", "starts_at", "ends_at"]
    panels = [
        FieldPanel("message"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("services_kept"),
        FieldPanel("sites", widget=CheckboxSelectMultiple),
    ]


register_snippet(MaintenanceNoticeViewSet)


@hooks.register(SCHEDULE_HOOK)
def notice_ends():
    return models.schedule_times()
