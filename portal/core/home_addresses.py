"""Links stay home: national shared content (the page types content apps register with the
`register_shared_page_types` hook: the procedure catalogue, central legal documents) is served on
every agency's site at the place it has on the national site, below the site's section of the
same slug. So every link a provincial site writes to it (listings, breadcrumbs, legal bases,
search results, the APIs, the sitemap, feeds) takes that site's own address, and a citizen who
starts on hanoi.localhost stays there.

A page type may narrow where it is served with `served_on(site)` (a national procedure only on
the sites whose catalogue implements its level).
"""

from django.http import Http404, HttpRequest

from wagtail.models import Page

from . import content_cache
from .public_url import current_request, site_root_url
from .site_lookup import home_in_language, national_site
from .sites import is_shared, request_site
from .visibility import visible


def serving_site(page, request=None):
    """The site whose address a link to `page` takes for this request: the request's site when
    it is not the page's and shows the page as shared content; else None (the page's own)."""
    request = request if request is not None else current_request()
    request = getattr(request, "_request", request)  # Django REST framework's wrapper
    # Not a visitor's request: Wagtail's front-end cache purge passes its batch, a preview a
    # dummy request; those want the page's own address.
    if not isinstance(request, HttpRequest) or getattr(request, "is_dummy", False):
        return None
    site = request_site(request)
    if site is None or site.is_default_site or not is_shared(page):
        return None
    served_on = getattr(page.specific_deferred, "served_on", None)
    return site if served_on is None or served_on(site) else None


def home_url_parts(page, parts, request=None):
    """Wagtail's `get_url_parts()` of the page, `(site id, root URL, path)`, at the address of
    the site that serves it for this request, that site's public address."""
    site_id, root_url, path = parts
    home = serving_site(page, request)
    if home is not None and home.pk != site_id:
        site_id, root_url = home.pk, home.root_url
    return site_id, site_root_url(site_id, root_url, request), path


def addresses_key(request=None):
    """What URLs remembered for a request depend on: its site and the host it came to (the
    address of a site not yet configured)."""
    request = request if request is not None else current_request()
    if request is None:
        return (None, "")
    site = request_site(request)
    return (site.pk if site else None, request.get_host())


def counterpart_path(path, site):
    """The tree path of the page of `site` at the place the page at `path` (of another site) has
    in its own: the same slugs below the home page of the same language; None when `site` has
    none. Remembered until content changes: every breadcrumb of a shared page asks it."""

    def compute():
        page = Page.objects.filter(path=path).select_related("locale").first()
        owner_home = Page.objects.filter(path=path[: Page.steplen * 2]).first()
        if page is None or owner_home is None:
            return None
        home = home_in_language(site.root_page, page.locale.language_code)
        if home is None:
            return None
        relative = page.url_path[len(owner_home.url_path) :]
        found = Page.objects.filter(url_path=home.url_path + relative)
        return found.values_list("path", flat=True).first()

    return content_cache.remembered(("counterpart", path, site.pk), compute)


def shared_child(request, section, slug):
    """The national shared page a provincial `section` serves under `slug` (it has no page of
    its own of that slug), or Http404."""
    site = request_site(request)
    national = national_site()
    if site is None or national is None or site.is_default_site:
        raise Http404
    source = counterpart_path(section.path, national)
    if source is None:
        raise Http404
    children = Page.objects.filter(path__startswith=source, depth=section.depth + 1, slug=slug)
    child = visible(children, site).first()
    if child is None or serving_site(child, request) is None:
        raise Http404
    child = child.specific
    child._cached_parent_obj = section
    return child
