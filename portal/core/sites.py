"""Which agency a request is for, and what that agency's site shows: the one scoping rule.

Each agency (the ministry, a general department, a provincial department) is a Wagtail `Site`.
A site shows the pages under its own root page. National content, the page types content apps
register with the `register_shared_page_types` hook (the procedure catalogue, central legal
documents), lives under the national site (the default site: the ministry) and every site shows
it too. Listings, typed APIs, Wagtail API v2, feeds, the sitemap, home sections and search all
scope through `scoped()`; nothing else decides what belongs to a site.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail import hooks
from wagtail.models import Site


def national_site():
    """The ministry's site: Wagtail's default site."""
    return Site.objects.select_related("root_page").filter(is_default_site=True).first()


def request_site(request):
    """The site a request came to; a host that is no site gets the national site."""
    cached = getattr(request, "_portal_site", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) or national_site()
    request._portal_site = site
    return site


def shared_page_types():
    """Page models whose pages under the national site every site shows."""
    models = []
    for register in hooks.get_hooks("register_shared_page_types"):
        models.extend(register())
    return models


def scoped(queryset, site, *, every_site=False):
    """Pages of `queryset` that `site` shows: its own, plus the national shared ones.

    `every_site=True` is the ministry's view across all agencies (search with an agency facet).
    """
    if every_site or site is None:
        return queryset
    shows = Q(path__startswith=site.root_page.path)
    national = national_site()
    if national is not None and national.pk != site.pk:
        shared = ContentType.objects.get_for_models(*shared_page_types()).values()
        shows |= Q(path__startswith=national.root_page.path, content_type__in=list(shared))
    return queryset.filter(shows)
