"""The taxonomy every content type shares: fields (lĩnh vực), agencies (cơ quan) and topics."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..text import slugify_vi


class NamedTerm(index.Indexed, models.Model):
    """A term with a Vietnamese name, an optional English one, and a slug derived from the name."""

    name = models.CharField("Tên", max_length=255, unique=True)
    name_en = models.CharField("Tên tiếng Anh", max_length=255, blank=True)
    slug = models.SlugField(max_length=255, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug(slugify_vi(self.name) or "term")
        super().save(*args, **kwargs)

    def label_for(self, language_code):
        return self.name_en if language_code == "en" and self.name_en else self.name

    def _free_slug(self, base):
        # Folding can merge distinct names (bàn/bán), so a taken slug gets a numeric suffix.
        taken = set(
            type(self)
            .objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug


class Agency(NamedTerm):
    """An agency that issues documents or carries out procedures; agencies form a hierarchy."""

    class Level(models.TextChoices):
        MINISTRY = "ministry", "Bộ, cơ quan ngang bộ"
        GENERAL_DEPARTMENT = "general_department", "Tổng cục"
        DEPARTMENT = "department", "Cục, vụ, đơn vị thuộc bộ"
        PROVINCIAL = "provincial", "Sở, cơ quan cấp tỉnh"
        LOCAL = "local", "Cơ quan cấp huyện, cấp xã"
        OTHER = "other", "Khác"

    level = models.CharField("Cấp", max_length=32, choices=Level.choices, default=Level.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name="Cơ quan cấp trên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    panels = NamedTerm.panels + [FieldPanel("level"), FieldPanel("parent")]

    class Meta(NamedTerm.Meta):
        verbose_name = "Cơ quan"
        verbose_name_plural = "Cơ quan"

    def ancestors(self):
        """The chain of parent agencies, nearest first; stops on a cycle an editor created."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain


class Field(NamedTerm):
    """A field of state management (lĩnh vực), e.g. Đất đai or Tài nguyên nước."""

    ministries = models.ManyToManyField(
        Agency,
        verbose_name="Bộ quản lý",
        blank=True,
        related_name="fields",
        help_text="Các bộ, ngành quản lý lĩnh vực này.",
    )

    panels = NamedTerm.panels + [FieldPanel("ministries")]

    class Meta(NamedTerm.Meta):
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực"


class Topic(NamedTerm):
    """A cross-cutting topic (chủ đề) used to group content across fields."""

    class Meta(NamedTerm.Meta):
        verbose_name = "Chủ đề"
        verbose_name_plural = "Chủ đề"
