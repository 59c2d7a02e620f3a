from django.db import models

from wagtail.admin.panels import FieldPanel

from portal.core.models import BasePage

from ..listing import procedure_listing
from .pages import ProcedurePage


class ProcedureIndexPage(BasePage):
    """The procedure catalogue: every procedure under it, with filters and sorting."""

    intro = models.TextField("Lời giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1
    template = "procedures/procedure_index_page.html"

    class Meta:
        verbose_name = "Danh mục thủ tục hành chính"
        verbose_name_plural = "Danh mục thủ tục hành chính"

    def procedures(self):
        return ProcedurePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, results = procedure_listing(self.procedures(), request.GET)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            results=results,
            procedures=list(results.object_list),
            query_without_page=query.urlencode(),
        )
        return context
