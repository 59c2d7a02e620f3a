"""Everything the API app serves outside the Ninja API: Wagtail API v2, change feeds, sitemap,
robots.txt. A content app contributes change feeds by listing them in `CHANGE_FEEDS` of its
`feeds` module (PageChangeFeed subclasses naming their `slug` and `url_name`)."""

from importlib import import_module

from django.apps import apps
from django.urls import path, re_path
from django.utils.module_loading import module_has_submodule

from .errors import api_not_found
from .router import api
from .sitemaps import robots_txt, sitemap
from .v2 import api_router


def change_feeds():
    """Atom change feeds for partners (cached like every read under /api/), from the apps."""
    patterns = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "feeds"):
            module = import_module(f"{app_config.name}.feeds")
            for feed in getattr(module, "CHANGE_FEEDS", []):
                patterns.append(path(f"api/feeds/{feed.slug}/", feed(), name=feed.url_name))
    return patterns


urlpatterns = [
    path("api/v2/", api_router.urls),
    *change_feeds(),
    path("api/", api.urls),
    # Any other /api/ path is a JSON 404, never the theme's HTML page.
    re_path(r"^api/", api_not_found),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
