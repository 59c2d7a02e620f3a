"""Listing pages: a news section (chuyên mục) and the "latest news" page over all sections.

Both serve a filtered, paginated listing and RSS 2.0 / Atom feeds at `rss/` and `atom/`.
"""

from django.core.paginator import Paginator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.content_cache import remembered
from portal.core.models import BasePage
from portal.core.sites import request_site

from .. import queries
from ..feeds import feed_links, news_feed
from ..languages import language_links

PAGE_SIZE = 12


class NewsListingPage(RoutablePageMixin, BasePage):
    """What a news listing page does; `news_items()` says which items it lists."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def news_items(self, site=None):
        """The live items this listing shows on `site` (the agency's Site the request is for)."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = request_site(request)
        items = self.news_items(site)
        filtered, filters = queries.filter_news(items, request.GET, site)
        # The filters offer what the whole listing has, the same for every visitor.
        tag_choices, month_choices = remembered(
            ("news_listing_choices", self.pk, site.pk if site else None),
            lambda: (queries.tag_choices(items), queries.month_choices(items)),
        )
        context.update(
            news_items=Paginator(queries.with_images(filtered), PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            filters=filters,
            filter_query=filters.querystring(),
            tag_choices=tag_choices,
            month_choices=month_choices,
            feeds=feed_links(self, request),
            language_links=language_links(self),
        )
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return news_feed(self, request, "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return news_feed(self, request, "atom")


class NewsIndexPage(NewsListingPage):
    """A news section (chuyên mục): Tin hoạt động, Chỉ đạo điều hành, Thông cáo báo chí, …"""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "Chuyên mục tin"
        verbose_name_plural = "Chuyên mục tin"

    def news_items(self, site=None):
        return queries.live_news().child_of(self)


class LatestNewsPage(NewsListingPage):
    """Tin mới nhất: every live news item of the page's language, filterable by section."""

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Tin mới nhất"
        verbose_name_plural = "Tin mới nhất"

    def news_items(self, site=None):
        return queries.live_news(self.locale_id, site)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = request_site(request)
        context["section_choices"] = remembered(
            ("news_sections", self.locale_id, site.pk if site else None),
            lambda: [
                {"slug": section.slug, "title": section.title}
                for section in queries.sections(self.locale_id, site)
            ],
        )
        return context
