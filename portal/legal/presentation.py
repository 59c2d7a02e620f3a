"""What the detail template of a legal document shows, gathered here so templates never query."""

from collections import defaultdict

from django.apps import apps

from portal.core.weblinks import is_web_url

from .models import AttachmentText, LegalDocumentPage, LegalRelation
from .models.choices import INVERSE_LABELS, RelationType
from .scope import by_number, home_path, referable_from, same_home


def detail_context(page):
    return {
        "relation_groups": relation_groups(page),
        "articles": list(page.articles.all()),
        "attachments": attachment_rows(page),
        "citing_procedures": citing_procedures(page),
        "replaced_by": successors(page, RelationType.REPLACES),
        "amended_by": successors(page, RelationType.AMENDS),
    }


def successors(page, relation_type):
    """The live documents that replace (or amend) this one, newest first: the banner above
    the text of a document no longer (wholly) in force links to them."""
    relations = LegalRelation.objects.filter(
        target_normalised=page.normalised_number, relation_type=relation_type, page__live=True
    ).exclude(page_id=page.pk)
    return list(
        same_home(LegalDocumentPage.objects.live().public(), page.path)
        .filter(pk__in=relations.values("page_id"))
        .order_by("-issued", "-pk")
    )


def relation_groups(page):
    """[(label, [(number, linked page or None)])]: "Thay thế: …", "Bị sửa đổi, bổ sung bởi: …".

    Outgoing relations come from this page; incoming ones from the live documents that name it.
    """
    groups = defaultdict(list)
    outgoing = list(page.relations.all())
    candidates = referable_from(LegalDocumentPage.objects.live(), page.path).filter(
        normalised_number__in=[relation.target_normalised for relation in outgoing]
    )
    targets = by_number(candidates, own=home_path(page.path))
    for relation in outgoing:
        target = targets.get(relation.target_normalised)
        number = target.number if target else relation.target_number
        groups[relation.get_relation_type_display()].append((number, target))
    incoming = (
        LegalRelation.objects.filter(
            target_normalised=page.normalised_number,
            page__live=True,
            page__path__startswith=home_path(page.path),
        )
        .exclude(page_id=page.pk)
        .select_related("page")
        .order_by("page__issued", "page__number")
    )
    for relation in incoming:
        label = INVERSE_LABELS[RelationType(relation.relation_type)]
        groups[label].append((relation.page.number, relation.page))
    return list(groups.items())


def attachment_rows(page):
    rows = []
    attachments = list(page.attachments.select_related("document"))
    texts = dict(
        AttachmentText.objects.filter(
            document_id__in=[a.document_id for a in attachments if a.document_id]
        ).values_list("document_id", "status")
    )
    for attachment in attachments:
        document = attachment.document
        if document is not None:
            rows.append(
                {
                    "title": attachment.display_title,
                    "url": document.url,
                    "extension": document.file_extension.upper(),
                    "size": document.get_file_size(),
                    "has_text": texts.get(document.pk) == AttachmentText.Status.OK,
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
                    "has_text": False,
                }
            )
    return rows


def citing_procedures(page):
    """The procedures the public may see whose legal bases name this document."""
    if not apps.is_installed("portal.procedures"):
        return []
    from portal.procedures.interface import procedures_citing

    return procedures_citing(page.normalised_number)
