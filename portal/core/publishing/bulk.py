"""Create many published pages under one parent quickly, as an import needs.

`Page.add_child()` followed by `save_revision().publish()` saves each page three times, and each
save runs a full clean, a search index update and a reference index update: about 70 queries
and 150 ms per page. `LivePageWriter` inserts each page's rows once (as fixture loading does)
and its child rows in bulk, then writes the revisions, log entries and Wagtail's admin search
entries for a batch of pages together. Each page ends up as a publish would leave it (live, one
revision that is both latest and live, a create and a publish log entry naming the actor), and
one `created` content event is written for it, which search and the other consumers read.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends_with_name

from .service import log_created

FLUSH_EVERY = 250


class LivePageWriter:
    def __init__(self, parent):
        self.parent = parent
        self.pending = {}
        last = parent.get_last_child()
        self._position = last._get_lastpos_in_path() if last else 0

    def create(self, page):
        """Insert `page` (unsaved, child relations set in memory) as the parent's last child.

        Raises ValidationError when a field does not fit, before anything is written.
        """
        children = _children_in_memory(page)
        page.clean_fields(exclude=["path", "depth", "url_path", "draft_title", "content_type"])
        for relation, objects in children:
            for child in objects:
                child.clean_fields(exclude=[relation.field.name])

        now = timezone.now()
        self._position += 1
        page.depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, page.depth, self._position)
        page.numchild = 0
        page.locale_id = self.parent.locale_id
        page.set_url_path(self.parent)
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now

        # Two raw inserts, as fixture loading does: the Page row, then the page type's row.
        # Raw saves skip Wagtail's per-save search and reference index updates.
        base = Page(**{field.attname: getattr(page, field.attname) for field in _page_fields()})
        base.save_base(raw=True, force_insert=True)
        page.id = page.page_ptr_id = base.id
        page.save_base(raw=True, force_insert=True)
        page._state.adding = False
        for relation, objects in children:
            for position, child in enumerate(objects):
                setattr(child, relation.field.attname, page.pk)
                if getattr(child, "sort_order", 0) is None:
                    child.sort_order = position
            relation.related_model.objects.bulk_create(objects)
        for field in get_all_child_m2m_relations(page):
            targets = list(getattr(page, field.name).all())
            if targets:
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
                    for item in targets
                )
        self.pending[page.pk] = page
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()
        return page

    def flush(self):
        """Revisions, log entries, Wagtail's search entries and events for the pages so far."""
        if not self.pending:
            return
        pages = list(self.pending.values())
        self.pending = {}
        now = timezone.now()
        with transaction.atomic():
            revisions = Revision.objects.bulk_create(
                Revision(
                    content_type_id=page.content_type_id,
                    base_content_type=page.get_base_content_type(),
                    object_id=str(page.pk),
                    object_str=str(page),
                    content=page.serializable_data(),
                    created_at=page.latest_revision_created_at,
                )
                for page in pages
            )
            for page, revision in zip(pages, revisions, strict=True):
                page.latest_revision = page.live_revision = revision
            Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
            log_created(pages, revisions, timestamp=now)
            # Counted from the paths: treebeard's get_children() trusts the stale numchild.
            self.parent.numchild = Page.objects.filter(
                path__startswith=self.parent.path, depth=self.parent.depth + 1
            ).count()
            Page.objects.filter(pk=self.parent.pk).update(numchild=self.parent.numchild)
            for page in pages:
                if _has_references(page):
                    ReferenceIndex.create_or_update_for_object(page)
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.add_bulk(type(pages[0]), pages)

    def __contains__(self, page_id):
        return page_id in self.pending


def insert_live(parent, page):
    """Insert one page (unsaved) live as the parent's last child, without a revision or the full
    model clean that `add_child` runs on save (a fifth of a legal import's time): the caller has
    validated it, and records it with `service.page_created()` once its parts are written."""
    now = timezone.now()
    page.locale_id = parent.locale_id
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = now
    page.depth = parent.depth + 1
    # Not parent.get_last_child(): that trusts the cached parent's child count.
    children = Page.objects.filter(path__startswith=parent.path, depth=page.depth)
    last = children.order_by("-path").first()
    page.path = last._inc_path() if last else parent._get_path(parent.path, page.depth, 1)
    page.minimal_clean()
    page.save(clean=False)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return page


def _page_fields():
    return Page._meta.concrete_fields


def _children_in_memory(page):
    """[(relation, objects)] for the child relations that hold objects. Untouched relations
    (and many-to-many fields) become empty lists, so that neither the revision nor the inserts
    query the database for them."""
    in_memory = getattr(page, "_cluster_related_objects", {})
    for field in get_all_child_m2m_relations(page):
        if field.name not in in_memory:
            setattr(page, field.name, [])
    children = []
    for relation in get_all_child_relations(page):
        accessor = relation.get_accessor_name()
        if accessor not in in_memory:
            setattr(page, accessor, [])
        objects = list(getattr(page, accessor).all())
        if objects:
            children.append((relation, objects))
    return children


_BOOKKEEPING = {"content_type", "owner", "locked_by", "latest_revision", "live_revision"}
_BOOKKEEPING |= {"locale", "alias_of", "page_ptr"}


def _has_references(page):
    """Whether the page points at snippets, documents or images (the reference index's job)."""
    if any(
        getattr(page, field.attname) is not None
        for field in page._meta.concrete_fields
        if field.many_to_one and field.name not in _BOOKKEEPING
    ):
        return True
    if any(getattr(page, field.name).all() for field in get_all_child_m2m_relations(page)):
        return True
    return any(objects for _relation, objects in _children_in_memory(page))
