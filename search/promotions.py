"""Promoted results ("best bets"): an editor pins a page to a query; whoever searches that query,
with or without marks, finds the page first, marked as recommended, whichever engine answers.

The pin is applied to the engine's answer (not inside either engine), so both engines behave
alike: the page's current search entry is put at the top of the first page (if the public may
see it and it fits the request's filters), and its natural place, if any, is dropped.
"""

from django.db import models
from django.utils.html import escape

from wagtail.admin.panels import FieldPanel

from .analysis import folded_text, normalise_text
from .collect import documents_of_pages
from .documents import SHARED
from .requests import Hit

MAX_QUERY = 200


def query_form(text):
    """How a query is compared: lowercased, spaces collapsed, marks removed."""
    return " ".join(folded_text(normalise_text(text).lower()).split())[:MAX_QUERY]


class PromotedResult(models.Model):
    query = models.CharField(
        "Từ khóa", max_length=MAX_QUERY, help_text="Có dấu hay không dấu đều khớp."
    )
    folded = models.CharField(max_length=MAX_QUERY, db_index=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="Trang"
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("query"), FieldPanel("page"), FieldPanel("sort_order")]

    class Meta:
        app_label = "search"
        verbose_name = "Kết quả đề xuất"
        verbose_name_plural = "Kết quả đề xuất (tìm kiếm)"
        ordering = ["folded", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["folded", "page"], name="search_promote_page_once")
        ]

    def __str__(self):
        return f"{self.query} → {self.page}"

    def save(self, *args, **kwargs):
        self.folded = query_form(self.query)
        super().save(*args, **kwargs)


def pinned_page_ids(text):
    form = query_form(text)
    if not form:
        return []
    return list(
        PromotedResult.objects.filter(folded=form)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )


def _fits(doc, request):
    if request.kinds and doc.kind not in request.kinds:
        return False
    # A page pinned on one agency's site is never promoted on another's (search.sites).
    scopes = {doc.site, SHARED} if doc.shared else {doc.site}
    if request.sites and not scopes & set(request.sites):
        return False
    for name, selected in request.filters.items():
        if name == "language":
            if doc.language not in selected:
                return False
        elif not {value for value, _label in doc.facets.get(name, [])} & set(selected):
            return False
    if request.date_from and (not doc.date or doc.date < request.date_from):
        return False
    return not (request.date_to and (not doc.date or doc.date > request.date_to))


def _hit(doc):
    return Hit(
        kind=doc.kind,
        id=doc.id,
        title=doc.title,
        url=doc.url,
        snippet=escape(doc.summary[:300]),
        date=doc.date,
        metadata={name: [label for _value, label in values] for name, values in doc.facets.items()},
        recommended=True,
    )


def promote(request, result):
    """The engine's `result` for `request` with the pinned pages first (relevance, page 1)."""
    if request.page != 1 or request.sort != "relevance":
        return result
    page_ids = pinned_page_ids(request.text)
    if not page_ids:
        return result
    entries = {
        doc.page_id: doc
        for doc in documents_of_pages(page_ids)
        if not doc.article and _fits(doc, request)
    }
    pinned = [_hit(entries[page_id]) for page_id in page_ids if page_id in entries]
    keys = {(hit.kind, hit.id) for hit in pinned}
    natural = [hit for hit in result.hits if hit.article or (hit.kind, hit.id) not in keys]
    result.total += len(pinned) - (len(result.hits) - len(natural))
    result.hits = pinned + natural
    return result
