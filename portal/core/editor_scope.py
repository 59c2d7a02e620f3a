"""What an agency's editors see in the admin's choosers: their own site's pages and their
agency's collection of images and documents, plus the national shared ones; never the titles of
another province's drafts, private pages or files.

An editor of a provincial site is a member of that site's editorial groups (portal.core.editorial,
named after the agency); superusers and the national site's editors see everything. Each
provincial agency has its own collection under the root (`agency_collection()`): its groups add
there and choose from the whole tree, less the other agencies' collections.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Collection, Page, Site

from .editorial import agency_collection, editorial_names
from .sites import national_site, own_pages
from .visibility import visible

# The national site's home and sections: the way to its shared pages in the chooser.
NATIONAL_NAVIGATION_DEPTH = 3


def editor_sites(user):
    """The provincial sites whose editorial groups the user belongs to; None when the user sees
    every site (a superuser, a member of the national groups, or of no site's groups)."""
    if user.is_superuser:
        return None
    groups = set(user.groups.values_list("name", flat=True))
    if groups & set(editorial_names(None)[:2]):
        return None
    sites = [
        site
        for site in Site.objects.filter(is_default_site=False).select_related("root_page")
        if groups & set(editorial_names(site)[:2])
    ]
    return sites or None


def pages_for_editor(pages, user):
    """The pages of `pages` an editor may see in a chooser: every page of their own sites, and
    the national site's shared pages the public sees (with its home and sections to reach
    them)."""
    sites = editor_sites(user)
    if sites is None:
        return pages
    allowed = Page.objects.none()
    for site in sites:
        allowed = allowed | own_pages(Page.objects.all(), site) | visible(site=site)
    national = national_site()
    if national is not None:
        navigation = own_pages(Page.objects.filter(depth__lte=NATIONAL_NAVIGATION_DEPTH), national)
        allowed = allowed | visible(navigation) | Page.objects.filter(depth=1)
    return pages.filter(pk__in=allowed.values("pk"))


def _foreign_collection_paths(sites):
    mine = {site.pk for site in sites}
    paths = []
    for site in Site.objects.filter(is_default_site=False):
        if site.pk in mine:
            continue
        collection = agency_collection(site, create=False)
        if collection is not None:
            paths.append(collection.path)
    return paths


def media_for_editor(items, user):
    """Images or documents of `items` an editor may choose: all but the other agencies'."""
    sites = editor_sites(user)
    if sites is None:
        return items
    paths = _foreign_collection_paths(sites)
    if not paths:
        return items
    foreign = reduce(or_, (Q(path__startswith=path) for path in paths))
    theirs = items.model.objects.filter(collection__in=Collection.objects.filter(foreign))
    # A subquery on the primary key, so the chooser can still search the result.
    return items.exclude(pk__in=theirs.values("pk"))


class OwnSitePagesOnly:
    """A page bulk action (delete, move, publish, unpublish) that lists, even as "no access",
    only the pages an editor may see: asking for another province's page ids shows nothing."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra.get("items_with_no_access", [])
        ids = [page.pk for page in [*objects, *refused]]
        allowed = Page.objects.filter(pk__in=ids)
        seen = set(pages_for_editor(allowed, self.request.user).values_list("pk", flat=True))
        return (
            [page for page in objects if page.pk in seen],
            {**extra, "items_with_no_access": [page for page in refused if page.pk in seen]},
        )


def own_site_bulk_actions():
    """Wagtail's page bulk actions, limited to what an editor may see."""
    from wagtail.admin.views.pages.bulk_actions import (
        DeleteBulkAction,
        MoveBulkAction,
        PublishBulkAction,
        UnpublishBulkAction,
    )

    return [
        type(action.__name__, (OwnSitePagesOnly, action), {})
        for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
    ]
