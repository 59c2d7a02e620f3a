"""The importer for `kind: disclosure` lines: documents of the "công khai" collection, upserted
by slug on their site; `category` and `period` are required.

{"kind": "disclosure", "slug": "du-toan-ngan-sach-2026", "title": "Công khai dự toán ngân sách
năm 2026", "category": "budget", "period": "2026", "summary": "…",
"attachments": [{"title": "Dự toán 2026", "url": "https://…/du-toan-2026.pdf"}]}
"""

import datetime
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, HttpUrl

from portal.core import publishing
from portal.core.importing import Importer, LineError, Outcome, Record, register
from portal.core.importing.base import NonEmptyStr
from portal.core.site_structure import ensure_section
from portal.core.sites import own_pages

from .models import (
    PERIOD,
    Category,
    DisclosureAttachment,
    DisclosureDocumentPage,
    DisclosureIndexPage,
)

_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
SECTION = {"slug": "cong-khai-thong-tin", "title": "Công khai thông tin"}


class AttachmentRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)

    title: NonEmptyStr
    url: HttpUrl


class DisclosureRecord(Record):
    kind: Literal["disclosure"]
    slug: NonEmptyStr
    title: NonEmptyStr
    category: Literal[tuple(Category.values)]
    period: NonEmptyStr
    summary: str = ""
    created: datetime.date | None = None
    attachments: list[AttachmentRecord] = []


def collection(site):
    """The site's "Công khai thông tin" page, created when missing."""
    return ensure_section(DisclosureIndexPage, site=site, show_in_menus=False, **SECTION)


@register
class DisclosureImporter(Importer):
    kind = "disclosure"
    schema = DisclosureRecord

    def upsert(self, record, *, update_existing=True):
        if not _SLUG.match(record.slug):
            raise LineError("slug", "only letters a-z, digits, '-' and '_' are allowed")
        if not PERIOD.match(record.period):
            raise LineError("period", "a year, a quarter or a month: 2026, 2026-Q3, 2026-10")
        pages = DisclosureDocumentPage.objects.filter(slug=record.slug)
        page = (own_pages(pages, self.site) if self.site is not None else pages).first()
        if page is not None and not update_existing:
            return Outcome.SKIPPED
        values = {
            "title": record.title,
            "category": record.category,
            "period": record.period,
            "summary": record.summary,
            "created_on": record.created,
        }
        attachments = [(item.title, str(item.url)) for item in record.attachments]
        if page is None:
            page = DisclosureDocumentPage(slug=record.slug, **values)
            page.attachments = _attachments(attachments)
            collection(self.site).add_child(instance=page)
            publishing.publish_revision(page, created=True)
            return Outcome.CREATED
        changes = [key for key, value in values.items() if getattr(page, key) != value]
        if [(a.title, a.url) for a in page.attachments.all()] != attachments:
            changes.append("attachments")
        if not changes:
            return Outcome.UNCHANGED
        for key, value in values.items():
            setattr(page, key, value)
        page.attachments = _attachments(attachments)
        publishing.publish_revision(page, changes)
        return Outcome.UPDATED

    def export(self):
        pages = DisclosureDocumentPage.objects.prefetch_related("attachments")
        for page in self.pages_to_export(pages).order_by("path"):
            line = {
                "kind": "disclosure",
                "slug": page.slug,
                "title": page.title,
                "category": page.category,
                "period": page.period,
                "summary": page.summary,
                "created": page.created_on and page.created_on.isoformat(),
                "attachments": [
                    {"title": a.title, "url": a.url} for a in page.attachments.all() if a.url
                ],
                **self.site_field(page),
            }
            yield {key: value for key, value in line.items() if value not in ("", None, [])}


def _attachments(items):
    return [DisclosureAttachment(title=title, url=url) for title, url in items]
