"""Atom feed of newly published or changed legal documents, for partner systems."""

from django.utils.html import escape

from portal.api.feeds import PageChangeFeed

from .models import LegalDocumentPage


class LegalChangesFeed(PageChangeFeed):
    model = LegalDocumentPage
    title = "Văn bản mới ban hành hoặc thay đổi"
    section_url = "/api/legal/"
    subtitle = "Văn bản quy phạm pháp luật và văn bản chỉ đạo điều hành mới đăng hoặc cập nhật."
    slug, url_name = "legal", "legal_changes_feed"

    def item_key(self, page):
        return page.normalised_number

    def item_title(self, page):
        return f"{page.number} — {page.title}"

    def item_summary(self, page):
        parts = [page.doc_type, page.get_validity_display()]
        if page.issued:
            parts.append(f"ban hành {page.issued:%d/%m/%Y}")
        if page.abstract:
            parts.append(page.abstract)
        return escape(" — ".join(part for part in parts if part))

    def item_categories(self, page):
        return [page.doc_type, page.validity]


CHANGE_FEEDS = [LegalChangesFeed]  # served by portal.api under /api/feeds/<slug>/
