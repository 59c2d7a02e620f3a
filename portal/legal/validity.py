"""Validity status (tình trạng hiệu lực) derived from a document's dates and from the documents
that replace or amend it; an editor's override always wins."""

from django.db import transaction
from django.utils import timezone

from portal.core import publishing

from .models.choices import RelationType, Validity


def in_force_by_dates(page, today):
    start = page.effective or page.issued
    return start is not None and start <= today and not (page.expires and page.expires <= today)


def computed_validity(page, today=None):
    """The status the dates and relations give, ignoring the editor's override."""
    today = today or timezone.localdate()
    if page.expires and page.expires <= today:
        return Validity.EXPIRED
    superseding = _superseding_types(page, today)
    if RelationType.REPLACES in superseding:
        return Validity.EXPIRED
    start = page.effective or page.issued
    if start is None:
        return Validity.UNKNOWN
    if start > today:
        return Validity.NOT_YET_IN_FORCE
    if RelationType.AMENDS in superseding:
        return Validity.PARTLY_EXPIRED
    return Validity.IN_FORCE


def _superseding_types(page, today):
    """Relation types of the live documents in force that replace or amend this one."""
    from .models import LegalDocumentPage

    if not page.normalised_number:
        return set()
    from portal.core.visibility import visible

    from .scope import same_site

    # Only a document of the same site replaces or amends it (a province's decision another
    # province's decision of the same number, never a central one).
    sources = (
        visible(same_site(LegalDocumentPage.objects.all(), page, page.locale_id))
        .filter(
            relations__target_normalised=page.normalised_number,
            relations__relation_type__in=[RelationType.REPLACES, RelationType.AMENDS],
        )
        .exclude(pk=page.pk)
        .values_list("relations__relation_type", "issued", "effective", "expires")
    )
    return {
        relation_type
        for relation_type, issued, effective, expires in sources
        if _dates_in_force(issued, effective, expires, today)
    }


def _dates_in_force(issued, effective, expires, today):
    start = effective or issued
    return start is not None and start <= today and not (expires and expires <= today)


def refresh_validity(queryset=None, today=None):
    """Store the current status of these documents (all by default); returns how many changed.

    Writes with `update()`, without a revision; each change goes through the publishing service
    (history entry, content event, `last_published_at`).
    """
    from .models import LegalDocumentPage

    queryset = LegalDocumentPage.objects.all() if queryset is None else queryset
    changed = []
    fields = ("normalised_number", "issued", "effective", "expires", "validity", "number")
    fields += ("live", "path", "title", "draft_title", "content_type", "last_published_at")
    with transaction.atomic():
        for page in queryset.only(*fields, "validity_override").iterator(chunk_size=500):
            status = page.validity_override or computed_validity(page, today)
            if status != page.validity:
                LegalDocumentPage.objects.filter(pk=page.pk).update(validity=status)
                changed.append((page, page.validity, status))
                page.validity = status
        publishing.validity_changed(changed)
    return len(changed)


def refresh_related(page, today=None):
    """After `page` is published or unpublished: its own status and that of the documents it
    replaces, amends, guides or is based on."""
    from .models import LegalDocumentPage

    numbers = {page.normalised_number, *page.relations.values_list("target_normalised", flat=True)}
    return refresh_validity(LegalDocumentPage.objects.filter(normalised_number__in=numbers), today)
