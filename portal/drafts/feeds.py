"""Atom feed of drafts newly published for comment or changed (summary, issued document)."""

from django.utils.html import escape

from portal.api.feeds import PageChangeFeed

from .models import DraftPage


class DraftChangesFeed(PageChangeFeed):
    model = DraftPage
    title = "Dự thảo văn bản lấy ý kiến"
    section_url = "/api/drafts/"
    subtitle = "Dự thảo mới đăng lấy ý kiến hoặc cập nhật kết quả tiếp thu, giải trình."
    slug, url_name = "drafts", "draft_changes_feed"

    def item_key(self, page):
        return page.slug

    def item_title(self, page):
        return page.title

    def item_summary(self, page):
        period = f"lấy ý kiến {page.opens_at:%d/%m/%Y} – {page.closes_at:%d/%m/%Y}"
        return escape(" — ".join(part for part in (page.doc_type, period, page.abstract) if part))

    def item_categories(self, page):
        return [page.doc_type, page.status()]


CHANGE_FEEDS = [DraftChangesFeed]  # served by portal.api under /api/feeds/<slug>/
