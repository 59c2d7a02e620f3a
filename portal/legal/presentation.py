"""What the detail template of a legal document shows, gathered here so templates never query.

A fixed number of queries whatever the document holds: one for its relations in both directions,
one for the documents it names, one for its articles, one for its attachments (and the
procedures app's own for the procedures citing it). Its issuer's name is remembered.
"""

import datetime
import html
import re
from collections import defaultdict

from django.apps import apps
from django.db.models import Q
from django.utils.safestring import SafeString

from portal.core.content_cache import remembered
from portal.core.models import Agency
from portal.core.sites import owner_site
from portal.core.visibility import is_visible, visible
from portal.core.weblinks import is_web_url

from .models import LegalDocumentPage, LegalRelation
from .models.choices import INVERSE_LABELS, RelationType
from .models.parts import article_anchor, article_heading
from .scope import by_number, same_site


def detail_context(page):
    outgoing, incoming = relations(page)
    return {
        "issuer_name": issuer_name(page),
        "relation_groups": relation_groups(page, outgoing, incoming),
        "articles": article_rows(page),
        "attachments": attachment_rows(page),
        "citing_procedures": citing_procedures(page),
        "replaced_by": successors(incoming, RelationType.REPLACES),
        "amended_by": successors(incoming, RelationType.AMENDS),
    }


def issuer_name(page):
    """The issuing agency's name, or "": shared by all its documents, and an agency is a
    snippet whose edits move the content version."""
    if page.issuer_id is None:
        return ""
    return remembered(
        ("legal", "agency_name", page.issuer_id),
        lambda: (
            Agency.objects.filter(pk=page.issuer_id).values_list("name", flat=True).first() or ""
        ),
    )


def relations(page):
    """(outgoing, incoming): this page's relations, and those of the live documents of its site
    that name it, oldest first, with their pages. One query."""
    same_site_documents = same_site(LegalDocumentPage.objects.all(), page, page.locale_id)
    incoming = Q(
        target_normalised=page.normalised_number,
        page__in=visible(same_site_documents).values("pk"),
    ) & ~Q(page_id=page.pk)
    # A preview shows the relations of the revision, which modelcluster keeps in memory.
    preview = page.relations.is_deferring or page.pk is None
    rows = list(
        LegalRelation.objects.filter(incoming if preview else incoming | Q(page_id=page.pk))
        .select_related("page")
        .defer("page__full_text")  # may be megabytes, and only the page's own is shown
        .order_by("page__issued", "page__number", "sort_order")
    )
    outgoing = [row for row in rows if row.page_id == page.pk and not preview]
    if preview:
        outgoing = list(page.relations.all())
    return outgoing, [row for row in rows if row.page_id != page.pk]


def successors(incoming, relation_type):
    """The public documents that replace (or amend) this one, newest first: the banner above
    the text of a document no longer (wholly) in force links to them."""
    pages = {
        row.page_id: row.page
        for row in incoming
        if row.relation_type == relation_type and is_visible(row.page)
    }
    # Newest first, undated last (the database's order for "-issued", "-pk").
    return sorted(
        pages.values(),
        key=lambda page: (page.issued is not None, page.issued or datetime.date.min, page.pk),
        reverse=True,
    )


def relation_groups(page, outgoing, incoming):
    """[(label, [(number, linked page or None)])]: "Thay thế: …", "Bị sửa đổi, bổ sung bởi: …".

    Outgoing relations come from this page; incoming ones from the live documents that name it.
    """
    groups = defaultdict(list)
    numbers = [relation.target_normalised for relation in outgoing]
    targets = {}
    if numbers:
        site = owner_site(page)
        candidates = visible(LegalDocumentPage.objects.all(), site).filter(
            normalised_number__in=numbers
        )
        targets = by_number(candidates.defer("full_text"), site)
    for relation in outgoing:
        target = targets.get(relation.target_normalised)
        number = target.number if target else relation.target_number
        groups[relation.get_relation_type_display()].append((number, target))
    for relation in incoming:
        label = INVERSE_LABELS[RelationType(relation.relation_type)]
        groups[label].append((relation.page.number, relation.page))
    return list(groups.items())


def article_rows(page):
    """[{"anchor", "heading", "html"}]: each article escaped and ready to print, computed once
    here rather than through model instances and filters for each of hundreds of articles."""
    articles = page.articles.order_by("position", "pk").values_list("number", "title", "text")
    return [
        {
            "anchor": article_anchor(number),
            "heading": SafeString(html.escape(article_heading(number, title))),
            "html": paragraphs(text),
        }
        for number, title, text in articles
    ]


_LINE_END = re.compile(r"\r\n|\r")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def paragraphs(text):
    """Django's `linebreaks` filter (escaped text in <p>, single line ends as <br>), without the
    lazy-string wrappers that make it the slowest part of a long document's page."""
    text = _LINE_END.sub("\n", text)
    return SafeString(
        "\n\n".join(
            "<p>{}</p>".format(html.escape(part).replace("\n", "<br>"))
            for part in _PARAGRAPH_BREAK.split(text)
        )
    )


def attachment_rows(page):
    rows = []
    for attachment in page.attachments.select_related("document"):
        document = attachment.document
        if document is not None:
            rows.append(
                {
                    "title": attachment.display_title,
                    "url": document.url,
                    "extension": document.file_extension.upper(),
                    "size": document.get_file_size(),
                }
            )
        elif is_web_url(attachment.source_url):
            extension = attachment.filename.rpartition(".")[2] if attachment.filename else ""
            rows.append(
                {
                    "title": attachment.display_title,
                    "url": attachment.source_url,
                    "extension": extension.upper(),
                    "size": None,
                }
            )
    return rows


def citing_procedures(page):
    """The procedures the public may see whose legal bases name this document."""
    if not apps.is_installed("portal.procedures"):
        return []
    from portal.procedures.interface import procedures_citing

    return procedures_citing(page.normalised_number)
