"""Pages editors assemble around a subject rather than a type of content:

- a special-topic page (chuyên trang) for an event or a campaign: its own banner and intro,
  then the news tagged for it and the legal documents and procedures the editor picked;
- a leader's page (e.g. "Trang tin Bộ trưởng"): who the leader is, then their activities, the
  news tagged with the leader's tag, newest first.
"""

from django.db import models

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from portal.core.models import BasePage
from portal.core.sites import request_site
from portal.core.visibility import visible
from portal.news.models import NewsTag
from portal.news.queries import live_news, with_images

NEWS_SIZE = 12


def tagged_news(tag, locale, site, size=NEWS_SIZE):
    """Live, public news of the locale tagged `tag` that the agency's site shows, newest first."""
    if not tag:
        return []
    news = live_news(locale, site).filter(tags__name=tag).distinct()
    return list(with_images(news)[:size])


class SpecialTopicPage(BasePage):
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh banner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField("Giới thiệu", blank=True)
    news_tag = models.CharField(
        "Thẻ tin tức",
        max_length=100,
        blank=True,
        help_text="Tin tức gắn thẻ này hiện trên chuyên trang, mới nhất trước.",
    )
    documents = ParentalManyToManyField(
        "legal.LegalDocumentPage", verbose_name="Văn bản", blank=True, related_name="+"
    )
    procedures = ParentalManyToManyField(
        "procedures.ProcedurePage", verbose_name="Thủ tục hành chính", blank=True, related_name="+"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("banner"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("news_tag"), FieldPanel("documents"), FieldPanel("procedures")],
            heading="Nội dung của chuyên trang",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    template = "topics/special_topic_page.html"

    class Meta:
        verbose_name = "Chuyên trang"
        verbose_name_plural = "Chuyên trang"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = request_site(request)
        context.update(
            news=tagged_news(self.news_tag, self.locale_id, site),
            documents=list(visible(self.documents.all(), site).order_by("-issued")),
            procedures=list(visible(self.procedures.all(), site).order_by("-popularity", "code")),
            topic_slug=NewsTag.objects.filter(name=self.news_tag)
            .values_list("slug", flat=True)
            .first()
            if self.news_tag
            else "",
        )
        return context


class LeaderPage(BasePage):
    leader_name = models.CharField("Họ và tên", max_length=200)
    position = models.CharField("Chức vụ", max_length=200)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField("Tiểu sử", blank=True)
    news_tag = models.CharField(
        "Thẻ tin hoạt động",
        max_length=100,
        help_text="Tin tức gắn thẻ này là hoạt động của lãnh đạo, hiện mới nhất trước.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("leader_name"),
        FieldPanel("position"),
        FieldPanel("portrait"),
        FieldPanel("biography"),
        FieldPanel("news_tag"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("leader_name"),
        index.SearchField("biography"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    template = "topics/leader_page.html"

    class Meta:
        verbose_name = "Trang tin lãnh đạo"
        verbose_name_plural = "Trang tin lãnh đạo"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = tagged_news(
            self.news_tag, self.locale_id, request_site(request), size=20
        )
        return context
