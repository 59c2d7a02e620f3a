"""sitemap.xml of every visible page the request's site shows, in both languages, and
robots.txt pointing at it."""

from django.http import HttpResponse
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from portal.core.public_url import absolute
from portal.core.sites import request_site
from portal.core.visibility import visible

from .caching import cache_read


class PortalSitemap(Sitemap):
    """The site's home tree and its translations (English lives beside, not under, `/`), plus
    the national content every site shows (portal.core.sites.scoped)."""

    def items(self):
        tree = visible(site=request_site(self.request))
        return tree.order_by("path").defer_streamfields().specific()


@cache_read
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})


@cache_read
def robots_txt(request):
    sitemap_url = absolute(reverse("sitemap"), request)
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/preview/", ""]
    lines.append(f"Sitemap: {sitemap_url}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
