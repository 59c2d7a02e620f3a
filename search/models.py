"""Editor-managed abbreviations, synonyms and the English glossary, applied to queries (never to
the index)."""

from django.core.cache import cache
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from .analysis import Synonym, folded_tokens
from .glossary import english_stems

CACHE_KEY = "search:synonyms"
CACHE_SECONDS = 60


class QueryVocabulary(models.Model):
    """Words an editor gives the meaning of, in `term`, one meaning per line of `meanings`:
    saving or deleting one is seen by the next search."""

    term_field, meanings_field = "term", "expansions"
    translates = False  # an English term, for Vietnamese meanings (the glossary)

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, self.term_field)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_synonyms()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget_synonyms()
        return result

    def as_synonym(self):
        lines = getattr(self, self.meanings_field).splitlines()
        meanings = [tuple(folded_tokens(line)) for line in lines if line.strip()]
        term = folded_tokens(getattr(self, self.term_field))
        return Synonym(
            term=english_stems(term) if self.translates else tuple(term),
            expansions=[meaning for meaning in meanings if meaning],
            english=self.translates,
        )


@register_snippet
class SearchSynonym(QueryVocabulary):
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


@register_snippet
class GlossaryTerm(QueryVocabulary):
    """The bilingual glossary: an English term and the Vietnamese words the content uses for
    it, so that an English query ("environmental impact assessment") finds Vietnamese pages."""

    english = models.CharField(
        "Thuật ngữ tiếng Anh",
        max_length=200,
        unique=True,
        help_text="Ví dụ: environmental permit. Số ít hay số nhiều đều được.",
    )
    vietnamese = models.TextField(
        "Tiếng Việt",
        help_text="Mỗi dòng một cách nói trong nội dung, ví dụ: giấy phép môi trường.",
    )

    term_field, meanings_field = "english", "vietnamese"
    translates = True
    panels = [FieldPanel("english"), FieldPanel("vietnamese")]

    class Meta:
        verbose_name = "Thuật ngữ Anh – Việt"
        verbose_name_plural = "Bảng thuật ngữ Anh – Việt"
        ordering = ["english"]


def current_synonyms():
    """The synonyms and glossary terms, cached briefly so each query does not hit the
    database."""
    synonyms = cache.get(CACHE_KEY)
    if synonyms is None:
        entries = [*SearchSynonym.objects.all(), *GlossaryTerm.objects.all()]
        synonyms = [entry.as_synonym() for entry in entries]
        synonyms = [s for s in synonyms if s.term and s.expansions]
        cache.set(CACHE_KEY, synonyms, CACHE_SECONDS)
    return synonyms


def forget_synonyms():
    cache.delete(CACHE_KEY)


# The models of the search log and of promoted results live beside the code that uses them.
from .analytics.models import QueryLog, ResultClick  # noqa: E402
from .promotions import PromotedResult  # noqa: E402

__all__ = [
    "GlossaryTerm",
    "PromotedResult",
    "QueryLog",
    "ResultClick",
    "SearchSynonym",
    "current_synonyms",
]
