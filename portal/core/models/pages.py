from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from portal.core import content_cache, home_addresses, routing
from portal.core.home import home_sections
from portal.core.site_lookup import home_in_language
from portal.core.sites import request_site
from portal.core.visibility import live_now, visible

from .mixins import ListingMixin, SocialMixin


def _site_root_paths():
    """The sites' root paths read again for a new content version: Wagtail's copy in the cache
    is only cleared in the process that saved a site, so with a cache in each process's memory
    (`make run`, several workers) the others would miss a site created meanwhile (no URL,
    `href="None"`)."""
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return Site.get_site_root_paths()


class BasePage(SocialMixin, ListingMixin, Page):
    """The base of every page type of the portal: SEO, social and listing fields."""

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="SEO",
        ),
        *ListingMixin.listing_panels,
        *SocialMixin.social_panels,
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, the pages along the path fetched at once (portal.core.routing); a
        page that is not live now (expired, not yet live, unpublished) hides itself and every
        page below it, whatever the `publish_scheduled` cron has done yet."""
        if not path_components:
            return super().route(request, path_components)
        try:
            child = routing.child_on_path(request, self, path_components)
        except Http404:
            if not self.serves_shared_children or len(path_components) != 1:
                raise
            child = home_addresses.shared_child(request, self, path_components[0])
        if not live_now(child):
            raise Http404
        return child.route(request, path_components[1:])

    # A provincial section serves the national shared pages of its national counterpart
    # (portal.core.home_addresses); a page type that serves them its own way says False.
    serves_shared_children = True

    def get_view_restrictions(self):
        return routing.view_restrictions(self)

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        # Wagtail keeps them in the shared cache (a query per request with the database cache);
        # its redirect handlers read the copy it leaves on `cache_object`.
        if settings.CONTENT_CACHE:
            paths = content_cache.remembered(("site_root_paths",), _site_root_paths)
        else:
            paths = Site.get_site_root_paths()
        (cache_object or self)._wagtail_cached_site_root_paths = paths
        return paths

    def get_url_parts(self, request=None):
        """Wagtail's parts with the site's public address (portal.core.public_url); national
        shared content seen from another site at that site's address."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        return home_addresses.home_url_parts(self, parts, request)

    def get_sitemap_urls(self, request=None):
        """The page's address with its translations as hreflang alternates."""
        urls = super().get_sitemap_urls(request)
        translations = [self, *visible(self.get_translations())]
        alternates = [
            {"lang_code": page.locale.language_code, "location": page.get_full_url(request)}
            for page in translations
        ]
        if len(alternates) > 1:
            for url in urls:
                url["alternates"] = alternates
        return urls


class HomePage(BasePage):
    """The agency's home page; one per language, the English one a translation of the Vietnamese."""

    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "Trang chủ"
        verbose_name_plural = "Trang chủ"

    @property
    def localized(self):
        """Wagtail's translation in the active language (when live, else this page), from the
        remembered home pages: routing asks it of the site's root page on every request."""
        return home_in_language(self, get_language()) or self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self.locale, site=request_site(request)))
        return context
