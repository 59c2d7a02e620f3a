"""Editor-managed abbreviations and synonyms, applied to queries (never to the index)."""

from django.core.cache import cache
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from .analysis import Synonym, folded_tokens

CACHE_KEY = "search:synonyms"
CACHE_SECONDS = 60


@register_snippet
class SearchSynonym(models.Model):
    term = models.CharField(
        "Từ viết tắt hoặc từ khóa",
        max_length=100,
        unique=True,
        help_text="Ví dụ: TTHC, QĐ, NĐ-CP, CCCD.",
    )
    expansions = models.TextField(
        "Nghĩa đầy đủ hoặc từ đồng nghĩa",
        help_text="Mỗi dòng một cụm từ, ví dụ: thủ tục hành chính.",
    )

    panels = [FieldPanel("term"), FieldPanel("expansions")]

    class Meta:
        verbose_name = "Từ đồng nghĩa (tìm kiếm)"
        verbose_name_plural = "Từ đồng nghĩa (tìm kiếm)"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(CACHE_KEY)
        return result

    def as_synonym(self):
        expansions = [
            tuple(folded_tokens(line)) for line in self.expansions.splitlines() if line.strip()
        ]
        return Synonym(
            term=tuple(folded_tokens(self.term)), expansions=[e for e in expansions if e]
        )


def current_synonyms():
    """The synonym list, cached briefly so each query does not hit the database."""
    synonyms = cache.get(CACHE_KEY)
    if synonyms is None:
        synonyms = [s.as_synonym() for s in SearchSynonym.objects.all()]
        synonyms = [s for s in synonyms if s.term and s.expansions]
        cache.set(CACHE_KEY, synonyms, CACHE_SECONDS)
    return synonyms


# The models of the search log and of promoted results live beside the code that uses them.
from .analytics.models import QueryLog, ResultClick  # noqa: E402
from .promotions import PromotedResult  # noqa: E402

__all__ = ["PromotedResult", "QueryLog", "ResultClick", "SearchSynonym", "current_synonyms"]
