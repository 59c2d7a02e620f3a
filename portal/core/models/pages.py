from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.core.home import home_sections
from portal.core.public_url import site_root_url
from portal.core.sites import request_site

from .mixins import ListingMixin, SocialMixin


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

    def get_url_parts(self, request=None):
        """Wagtail's parts with the site's public address (portal.core.public_url)."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, path = parts
        return site_id, site_root_url(site_id, root_url, request), path

    def get_sitemap_urls(self, request=None):
        """The page's address with its translations as hreflang alternates."""
        urls = super().get_sitemap_urls(request)
        translations = [self, *self.get_translations().live().public()]
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self.locale, site=request_site(request)))
        return context
