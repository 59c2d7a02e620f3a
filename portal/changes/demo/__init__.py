"""Demo: a correction (đính chính) of one published legal document of the ministry, so its
notice shows at the top of the page and in its "Lịch sử cập nhật"."""

from wagtail.models import Page

from portal.core.visibility import visible

from ..history import record_note
from ..models import ChangeNote

NOTE = "Đính chính ngày có hiệu lực ghi trong phần tóm tắt của văn bản."


def load():
    if ChangeNote.objects.filter(kind=ChangeNote.Kind.CORRECTION).exists():
        return "0 corrections"
    pages = visible(Page.objects.filter(content_type__model="legaldocumentpage"))
    page = pages.order_by("path").first()
    if page is None:
        return "0 corrections"
    record_note(page.specific, page.live_revision, ChangeNote.Kind.CORRECTION, NOTE)
    return f"1 correction ({page.url})"
