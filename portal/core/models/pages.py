from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.core.home import home_sections

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
        context.update(home_sections(self.locale))
        return context
