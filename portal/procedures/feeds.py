"""Atom feed of procedure changes for partner systems: new, amended and abolished procedures."""

from django.utils.html import escape

from portal.api.feeds import PageChangeFeed

from .models import ProcedurePage
from .models.choices import Status


class ProcedureChangesFeed(PageChangeFeed):
    model = ProcedurePage
    title = "Thủ tục hành chính: mới, sửa đổi, bãi bỏ"
    section_url = "/api/procedures/"
    subtitle = "Thủ tục hành chính mới công bố, được sửa đổi, bổ sung hoặc bị bãi bỏ."
    slug, url_name = "procedures", "procedure_changes_feed"

    def item_key(self, page):
        return page.code

    def item_title(self, page):
        if page.first_published_at == page.last_published_at and page.status == Status.IN_FORCE:
            change = "Mới"
        else:
            change = page.get_status_display()
        return f"[{change}] {page.code} {page.title}"

    def item_summary(self, page):
        parts = [page.get_status_display()]
        if page.status_decision:
            parts.append(page.status_decision)
        if page.replacement_code:
            parts.append(f"Thủ tục thay thế: {page.replacement_code}")
        return escape(" — ".join(parts))

    def item_categories(self, page):
        return [page.status]


CHANGE_FEEDS = [ProcedureChangesFeed]  # served by portal.api under /api/feeds/<slug>/
