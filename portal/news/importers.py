"""Importer for `news` lines (DESIGN §3), upserted by slug within their language.

A line's `body` is HTML, cleaned before it is stored; `text` is plain text, one paragraph a line.
Without a `lead`, the first paragraph becomes the lead. The `category` names the section,
created under that language's home page when missing.
"""

import datetime
import re
from typing import Literal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Locale
from wagtail.rich_text import RichText

from portal.core import publishing
from portal.core.importing import Importer, LineError, Outcome, Record, register
from portal.core.importing.base import NonEmptyStr
from portal.core.sanitise import clean_html, text_to_html
from portal.core.sites import own_pages

from .models import NewsPage
from .structure import latest_news_page, news_section

LEAD_MAX = 600
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


class NewsRecord(Record):
    kind: Literal["news"]
    slug: NonEmptyStr
    title: NonEmptyStr
    lead: str = ""
    body: str = ""
    text: str = ""
    published: datetime.datetime | datetime.date | None = None
    category: str = ""
    tags: list[NonEmptyStr] = []
    language: Literal["vi", "en"] = "vi"
    author: str = ""
    source: str = ""
    featured: bool = False
    translation_of: NonEmptyStr | None = None


def _publish_date(value):
    if value is None:
        return None
    zone = ZoneInfo(settings.TIME_ZONE)
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), zone)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=zone)
    return value


def _lead_and_body(record):
    """(lead, body HTML): the first paragraph is the lead when the line gives none."""
    if record.body:
        body = clean_html(record.body)
        first = _PARAGRAPH.search(body)
        fallback = strip_tags(first.group(1) if first else body)
    else:
        lines = [line.strip() for line in record.text.splitlines() if line.strip()]
        if not record.lead and lines:
            fallback, lines = lines[0], lines[1:]
        else:
            fallback = ""
        body = text_to_html("\n".join(lines))
    lead = record.lead or fallback
    if len(lead) > LEAD_MAX:
        lead = lead[:LEAD_MAX].rsplit(" ", 1)[0] + "…"
    return lead, body


def _body_html(page):
    return "".join(
        block.block.get_prep_value(block.value)
        for block in page.body
        if block.block_type == "paragraph"
    )


@register
class NewsImporter(Importer):
    kind = "news"
    schema = NewsRecord

    def __init__(self):
        self._sections = {}

    def _section(self, category, language):
        """The section for this category on the line's site, looked up (or created) once per
        run."""
        key = (self.site.pk if self.site else None, category, language)
        if key not in self._sections:
            latest_news_page(language, site=self.site)
            self._sections[key] = news_section(category, language, site=self.site)
        return self._sections[key]

    def _own(self, pages):
        """News items are the site's own: the same slug may exist on another agency's site."""
        return own_pages(pages, self.site) if self.site is not None else pages

    def upsert(self, record, *, update_existing=True):
        if not _SLUG.match(record.slug):
            raise LineError("slug", "only letters a-z, digits, '-' and '_' are allowed")
        locale = Locale.objects.get_or_create(language_code=record.language)[0]
        page = self._own(NewsPage.objects.filter(slug=record.slug, locale=locale)).first()
        if page is not None and not update_existing:
            return Outcome.SKIPPED
        lead, body = _lead_and_body(record)
        if not lead and not body:
            raise LineError("body", "a news item needs a lead, a body or a text")
        values = {
            "title": record.title,
            "lead": lead,
            "author": record.author,
            "source": record.source,
            "featured": record.featured,
        }
        published = _publish_date(record.published)
        if published is not None:
            values["publish_date"] = published
        translation_key = self._translation_key(record)
        if translation_key is not None:
            values["translation_key"] = translation_key
        tags = sorted(set(record.tags))

        if page is None:
            section = self._section(record.category, record.language)
            page = NewsPage(slug=record.slug, locale=locale, **values)
            page.body = [("paragraph", RichText(body))] if body else []
            page.tags.set(tags)
            self._save(section.add_child, instance=page)
            self._save(lambda: publishing.publish_revision(page, created=True))
            return Outcome.CREATED

        changes = [key for key, value in values.items() if getattr(page, key) != value]
        if _body_html(page) != clean_html(body):
            changes.append("body")
        if sorted(page.tags.names()) != tags:
            changes.append("tags")
        if not changes:
            return Outcome.UNCHANGED
        for key, value in values.items():
            setattr(page, key, value)
        page.body = [("paragraph", RichText(body))] if body else []
        page.tags.set(tags)
        self._save(lambda: publishing.publish_revision(page, changes))
        return Outcome.UPDATED

    def _translation_key(self, record):
        if not record.translation_of or record.language == "vi":
            return None
        original = self._own(
            NewsPage.objects.filter(slug=record.translation_of, locale__language_code="vi")
        ).first()
        if original is None:
            raise LineError(
                "translation_of", f"no Vietnamese news item with slug {record.translation_of!r}"
            )
        return original.translation_key

    @staticmethod
    def _save(action, **kwargs):
        try:
            return action(**kwargs)
        except ValidationError as error:
            problems = getattr(error, "message_dict", {"line": error.messages})
            field, messages = next(iter(problems.items()))
            raise LineError(_RECORD_FIELDS.get(field, field), " ".join(messages)) from None

    def export(self):
        pages = NewsPage.objects.select_related("locale").prefetch_related("tags")
        for page in self.pages_to_export(pages).order_by("path"):
            language = page.locale.language_code
            line = {
                "kind": "news",
                "slug": page.slug,
                "title": page.title,
                "lead": page.lead,
                "body": _body_html(page),
                "published": timezone.localtime(
                    page.publish_date, ZoneInfo(settings.TIME_ZONE)
                ).isoformat(),
                "category": page.get_parent().title,
                "tags": sorted(page.tags.names()),
                "language": language,
                "author": page.author,
                "source": page.source,
                "featured": page.featured or None,
                **self.site_field(page),
            }
            if language != "vi":
                original = page.get_translation_or_none(Locale.objects.get(language_code="vi"))
                line["translation_of"] = original.slug if original else None
            yield {key: value for key, value in line.items() if value not in ("", None, [])}


_RECORD_FIELDS = {"publish_date": "published", "slug": "slug", "title": "title"}
