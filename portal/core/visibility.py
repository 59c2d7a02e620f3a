"""The public rule: whether a page is public on a site now. Every listing, feed, API, sitemap,
search document, home section, menu and cache asks this module, and a layering test
(tests/core/test_layering.py) fails on any other `.live()`, `.public()`, `expire_at` or site filter.

A page is public on a site now when it is live, not scheduled to go live later and not expired
(by `expire_at`, at read time, whatever the `publish_scheduled` cron has done yet), every
ancestor below the root is the same, neither it nor an ancestor carries a view restriction, and
the site shows it (portal.core.sites.scoped: its own pages and the national shared ones). The
rule has two forms: `visible()` narrows a query, `is_visible()` answers for one page in Python
(no query on a warm worker). It never depends on who asks: API responses are cached publicly,
so a signed-in editor sees exactly what a citizen sees.

The schedule is part of the content version (portal.core.content_cache): a value remembered
before a page expired is not read after it, in every process.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from . import content_cache, routing
from .sites import in_scope, scoped

SCHEDULE_HOOK = "register_schedule_times"


def live_now(page, now=None):
    """The page itself is live now: published, not waiting for its `go_live_at`, not expired."""
    now = now or timezone.now()
    if not page.live:
        return False
    if page.go_live_at is not None and page.go_live_at > now:
        return False
    return page.expire_at is None or page.expire_at > now


def _hidden_now(now):
    return Q(live=False) | Q(go_live_at__gt=now) | Q(expire_at__lte=now)


def hidden_branch_paths():
    """Paths of the pages below the root that hide their descendants (not live now) and of the
    pages with a view restriction."""

    def compute():
        hiding = Page.objects.filter(depth__gt=1, numchild__gt=0).filter(
            _hidden_now(timezone.now())
        )
        return sorted({*hiding.values_list("path", flat=True), *routing.restricted_paths()})

    return content_cache.remembered(("hidden_branch_paths",), compute)


def visible(queryset=None, site=None, *, every_site=False):
    """The pages of `queryset` (any page type; all pages if None) public now, on `site` when
    given (else on whichever site owns them). `every_site=True` is the ministry's view across
    all agencies."""
    queryset = Page.objects.all() if queryset is None else queryset
    hidden = _hidden_now(timezone.now())
    for path in hidden_branch_paths():
        hidden |= Q(path__startswith=path)
    # A subquery on the primary key, so the result can still be searched (Wagtail's search
    # backends only filter on indexed fields, and the schedule fields are not).
    pages = queryset.exclude(pk__in=Page.objects.filter(hidden).values("pk"))
    return scoped(pages, site, every_site=every_site) if site is not None else pages


def is_visible(page, site=None):
    """`visible()` for one page, in Python."""
    if not live_now(page):
        return False
    if any(page.path.startswith(path) for path in hidden_branch_paths()):
        return False
    return site is None or in_scope(page, site)


def schedule_times():
    """The sorted times at which a live page goes live or expires, or something else an app
    shows by the clock changes (hook `register_schedule_times`, a function returning times):
    the moments public content changes without a content event (part of the content version)."""
    live = Page.objects.filter(live=True).order_by()
    return sorted(
        {
            *live.filter(expire_at__isnull=False).values_list("expire_at", flat=True),
            *live.filter(go_live_at__isnull=False).values_list("go_live_at", flat=True),
            *(time for contribute in hooks.get_hooks(SCHEDULE_HOOK) for time in contribute()),
        }
    )


def _branch_expiries():
    """{path: expire_at} of the pages with children that expire later."""

    def compute():
        branches = Page.objects.filter(numchild__gt=0, expire_at__gt=timezone.now())
        return dict(branches.values_list("path", "expire_at"))

    return content_cache.remembered(("branch_expiries",), compute)


def visible_until(page):
    """When the page stops being public by the schedule of itself or an ancestor, or None."""
    expiries = _branch_expiries()
    times = [
        expiries[path] for path in routing.paths_to(page.path[: -Page.steplen]) if path in expiries
    ]
    if page.expire_at is not None:
        times.append(page.expire_at)
    return min(times, default=None)


def schedule_of(page_ids):
    """{page id: the times the page goes live or stops being public}: when to look again."""
    pages = Page.objects.filter(pk__in=page_ids).only("path", "go_live_at", "expire_at")
    schedule = {}
    for page in pages:
        times = [page.go_live_at, visible_until(page)]
        schedule[page.pk] = [when for when in times if when is not None]
    return schedule


def live_translations(page):
    """The page's public translations, itself included, in tree order."""
    return visible(Page.objects.filter(translation_key=page.translation_key)).order_by("path")


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


def published(queryset):
    """The rows of a model with drafts (Wagtail's DraftStateMixin: a province's implementation of
    a procedure) that are published: the row of a published one holds its published values until
    a new revision is published; one never published, or expired, is not public."""
    return queryset.filter(live=True).exclude(expire_at__lte=timezone.now())
