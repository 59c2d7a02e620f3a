"""Everything the API app serves outside the Ninja API: Wagtail API v2, sitemap, robots.txt."""

from django.urls import path, re_path

from portal.legal.feeds import LegalChangesFeed
from portal.procedures.feeds import ProcedureChangesFeed

from .errors import api_not_found
from .router import api
from .sitemaps import robots_txt, sitemap
from .v2 import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    # Atom change feeds for partners (cached like every read under /api/).
    path("api/feeds/legal/", LegalChangesFeed(), name="legal_changes_feed"),
    path("api/feeds/procedures/", ProcedureChangesFeed(), name="procedure_changes_feed"),
    path("api/", api.urls),
    # Any other /api/ path is a JSON 404, never the theme's HTML page.
    re_path(r"^api/", api_not_found),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
