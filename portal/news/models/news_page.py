import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.api.fields import TypedDetailsField
from portal.core.models import BasePage
from portal.core.sites import request_site
from portal.core.text import slugify_vi
from search.documents import SearchDocument

from .. import queries
from ..blocks import NewsBodyBlock
from ..feeds import feed_links
from ..languages import language_links

# A publish date further ahead than this, without a go-live time, is almost surely a typo.
FUTURE_TOLERANCE = datetime.timedelta(days=1)


class NewsTag(TagBase):
    """A free tag of news items, with an ASCII slug ("Đất đai" -> "dat-dai") for URLs."""

    class Meta:
        verbose_name = "Thẻ tin"
        verbose_name_plural = "Thẻ tin"

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug


class NewsPageTag(ItemBase):
    tag = models.ForeignKey(NewsTag, related_name="tagged_news", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsRelatedItem(Orderable):
    page = ParentalKey("news.NewsPage", related_name="related_items", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Tin liên quan",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related_page", "news.NewsPage")]


class NewsPage(BasePage):
    """A news item (tin bài), published in one language under a news section."""

    natural_key_field = "slug"  # names the item in content events

    lead = models.TextField("Sapo", help_text="Đoạn tóm tắt mở đầu bài viết.")
    body = StreamField(NewsBodyBlock(), verbose_name="Nội dung", blank=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        "Văn bản thay thế của ảnh đại diện",
        max_length=255,
        blank=True,
        help_text="Bắt buộc khi có ảnh đại diện: mô tả nội dung ảnh.",
    )
    featured_image_caption = models.CharField("Chú thích ảnh đại diện", max_length=500, blank=True)
    author = models.CharField("Tác giả", max_length=255, blank=True)
    source = models.CharField("Nguồn tin", max_length=255, blank=True)
    publish_date = models.DateTimeField("Ngày đăng", default=timezone.now, db_index=True)
    tags = ClusterTaggableManager("Thẻ", through=NewsPageTag, blank=True)
    featured = models.BooleanField(
        "Tin nổi bật", default=False, help_text="Hiển thị ở khu vực tin nổi bật trên trang chủ."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_alt"),
                FieldPanel("featured_image_caption"),
            ],
            heading="Ảnh đại diện",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("publish_date"),
                FieldPanel("author"),
                FieldPanel("source"),
                FieldPanel("tags"),
                FieldPanel("featured"),
            ],
            heading="Thông tin bài viết",
        ),
        InlinePanel("related_items", label="Tin liên quan (để trống: tự động theo thẻ)"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publish_date"),
    ]

    # Wagtail API v2 (/api/v2/pages/<id>/, headless previews) carries the typed endpoint's JSON.
    api_fields = [APIField("details", serializer=TypedDetailsField("portal.news.api.details"))]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Tin bài"
        verbose_name_plural = "Tin bài"
        indexes = [models.Index(fields=["featured", "publish_date"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.featured_image_id and not self.featured_image_alt.strip():
            errors["featured_image_alt"] = (
                "Ảnh đại diện cần có văn bản thay thế (alt) mô tả nội dung ảnh."
            )
        if (
            self.publish_date
            and self.publish_date > timezone.now() + FUTURE_TOLERANCE
            and not self.go_live_at
        ):
            date = timezone.localtime(self.publish_date).strftime("%d/%m/%Y %H:%M")
            errors["publish_date"] = (
                f"Ngày đăng {date} nằm ở tương lai. Để hẹn giờ đăng bài, hãy đặt "
                "“Thời điểm xuất bản” (go-live) trong mục Lịch xuất bản; nếu không, "
                "hãy sửa ngày đăng."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def section(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        section = self.section
        tags = list(self.tags.all())
        related = queries.related_news(
            self, site=request_site(request), tag_ids=[tag.pk for tag in tags]
        )
        queries.load_renditions(
            [self.featured_image, *(item.featured_image for item in related), *self.body_images()]
        )
        context.update(
            section=section,
            tags=tags,
            related_news=related,
            feeds=feed_links(section, request),
            language_links=language_links(self),
        )
        return context

    def body_images(self):
        return [
            block.value["image"]
            for block in self.body
            if block.block_type in ("image", "infographic") and block.value["image"]
        ]

    def body_text(self):
        return "\n".join(self.body.stream_block.get_searchable_content(self.body))

    def search_documents(self):
        section = self.section
        return [
            SearchDocument(
                kind="news",
                id=self.slug,
                title=self.title,
                url=self.get_url(),
                language=self.locale.language_code,
                body=f"{self.lead}\n{self.body_text()}".strip(),
                summary=self.lead,
                date=timezone.localdate(self.publish_date),
                facets={
                    "section": [(section.slug, section.title)],
                    "tag": [(tag.slug, tag.name) for tag in self.tags.all()],
                },
                page_id=self.pk,
            )
        ]
