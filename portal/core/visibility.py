"""What the public may see: the single rule every endpoint, feed and the sitemap apply.

A page is visible when it is live, every ancestor below the root is live, it has no view
restriction on itself or an ancestor, it is not scheduled to go live in the future and has not
expired (by `expire_at`, at read time, whatever the `publish_scheduled` cron has done yet).
Search indexing, the API, feeds and the sitemap all ask this module. Visibility never depends
on who asks: API responses are cached publicly, so a signed-in editor sees exactly what a
citizen sees.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex


def visible(queryset=None):
    """Filter a page queryset (any page type) down to what the public may see."""
    queryset = Page.objects.all() if queryset is None else queryset
    now = timezone.now()
    # A subquery on the primary key, so the result can still be searched (Wagtail's search
    # backends only filter on indexed fields, and the schedule fields are not).
    hidden = Q(go_live_at__gt=now) | Q(expire_at__lte=now)
    for path in hidden_branch_paths():
        hidden |= Q(path__startswith=path)
    out_of_schedule = Page.objects.filter(hidden)
    return queryset.live().public().exclude(pk__in=out_of_schedule.values("pk"))


def hidden_branch_paths():
    """Paths of the pages below the root that hide their descendants: not live, or expired."""
    now = timezone.now()
    hiding = Page.objects.filter(depth__gt=1, numchild__gt=0).filter(
        Q(live=False) | Q(expire_at__lte=now) | Q(go_live_at__gt=now)
    )
    return list(hiding.values_list("path", flat=True))


def is_visible(page):
    return visible(Page.objects.filter(pk=page.pk)).exists()


def visible_documents(queryset):
    """Documents the public may fetch: those used by a visible page, and those no page uses
    (files of the library such as procedure forms, which pages find by name). A document used
    only by drafts, private or scheduled pages is not public until one of them is."""
    from wagtail.documents import get_document_model

    document_type = ContentType.objects.get_for_model(get_document_model())
    by_pages = ReferenceIndex.objects.filter(
        to_content_type=document_type,
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    visible_ids = visible().annotate(key=Cast("pk", CharField())).values("key")
    hidden = (
        get_document_model()
        .objects.annotate(key=Cast("pk", CharField()))
        .filter(key__in=by_pages.values("to_object_id"))
        .exclude(key__in=by_pages.filter(object_id__in=visible_ids).values("to_object_id"))
    )
    # A subquery on the primary key, so the result can still be searched (as in visible()).
    return queryset.exclude(pk__in=hidden.values("pk"))


def is_visible_document(document):
    return visible_documents(type(document).objects.filter(pk=document.pk)).exists()
