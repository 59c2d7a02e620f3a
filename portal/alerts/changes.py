"""A change said in words: each content event becomes a description stored as a code and its
parameters, put into the subscriber's language when the email is written."""

from django.utils.translation import gettext_lazy as _

from portal.changes.history import CORRECTION_CHANGE, latest_correction
from portal.core.publishing import Action
from portal.legal.interface import documents_by_number

# Validity values (portal.legal Validity) that end a document's force.
ENDED = {
    "expired": _("Hết hiệu lực từ %(date)s"),
    "partly_expired": _("Hết hiệu lực một phần từ %(date)s"),
}
TEXTS = {
    "new": _("Mới đăng"),
    "updated": _("Đã cập nhật"),
    "procedure_amended": _("Thủ tục được sửa đổi"),
    "validity": _("Tình trạng hiệu lực: %(status)s"),
    "replaced": _("Bị thay thế bởi %(number)s"),
    "removed": _("Đã gỡ khỏi cổng thông tin"),
    "correction": _("Đính chính: %(note)s"),
    **ENDED,
}


def change(code, doc, **params):
    return {
        "code": code,
        "title": doc.title if doc else params.pop("title", ""),
        "url": doc.url if doc else "",
        "params": params,
    }


def describe(event, page, doc):
    """The description of what an event did to a page (doc: its search entry, None if the public
    no longer sees it)."""
    if event.action in (Action.UNPUBLISHED, Action.DELETED) or doc is None:
        return change("removed", None, title=getattr(page, "title", event.key))
    if event.action == Action.CREATED:
        return change("new", doc)
    if CORRECTION_CHANGE in event.changes:
        correction = latest_correction(event.page_id)
        return change("correction", doc, note=correction.note if correction else "")
    validity = getattr(page, "validity", None)
    if event.action == Action.VALIDITY_CHANGED and validity:
        if validity in ENDED:
            ends = getattr(page, "expires", None) or event.timestamp.date()
            return change(validity, doc, date=ends.strftime("%d/%m/%Y"))
        return change("validity", doc, status=page.get_validity_display())
    if doc.kind == "procedure":
        return change("procedure_amended", doc)
    return change("updated", doc)


def replaced_documents(page):
    """The public documents this newly published one replaces (its "replaces" relations)."""
    relations = getattr(page, "relations", None)
    if relations is None or not hasattr(relations, "filter"):
        return []
    targets = [
        relation.target_normalised
        for relation in relations.all()
        if relation.relation_type == "replaces"
    ]
    return [target for target in documents_by_number(targets).values() if target.pk != page.pk]


def render(described):
    """The description in the active language."""
    return str(TEXTS.get(described["code"], TEXTS["updated"])) % described.get("params", {})
