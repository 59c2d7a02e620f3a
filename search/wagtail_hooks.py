"""Search in the admin: the analytics dashboard, and promoted results among the snippets."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .analytics.views import admin_urls
from .promotions import PromotedResult


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = "Kết quả đề xuất"
    list_display = ["query", "page", "sort_order"]
    search_fields = ["query"]


register_snippet(PromotedResultViewSet)


@hooks.register("register_admin_urls")
def search_admin_urls():
    return admin_urls()


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_querylog")


@hooks.register("register_admin_menu_item")
def analytics_menu_item():
    return AnalyticsMenuItem(
        "Thống kê tìm kiếm", reverse("search_analytics"), icon_name="search", order=280
    )
