from django.db import models
from django.http import Http404

from wagtail.admin.panels import FieldPanel
from wagtail.url_routing import RouteResult

from portal.core.models import BasePage
from portal.core.sites import request_site
from portal.core.visibility import visible

from ..listing import procedure_listing
from .choices import Level
from .fields import MultipleChoiceField
from .pages import ProcedurePage

LOCAL_LEVEL_CHOICES = [
    (level.value, level.label) for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
]


def every_local_level():
    return [value for value, _label in LOCAL_LEVEL_CHOICES]


class ProcedureIndexPage(BasePage):
    """The procedure catalogue: every procedure under it, with filters and sorting."""

    # It serves national procedures itself, with the site's local implementation (`route`).
    serves_shared_children = False

    intro = models.TextField("Lời giới thiệu", blank=True)
    implemented_levels = MultipleChoiceField(
        "Cấp thực hiện tại địa phương",
        value_choices=LOCAL_LEVEL_CHOICES,
        default=every_local_level,
        help_text="Trang của sở: danh mục hiện các thủ tục quốc gia thuộc các cấp này, cùng "
        "thủ tục riêng của địa phương. Trang của bộ không dùng trường này.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("implemented_levels"),
    ]

    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1
    template = "procedures/procedure_index_page.html"

    class Meta:
        verbose_name = "Danh mục thủ tục hành chính"
        verbose_name_plural = "Danh mục thủ tục hành chính"

    def procedures(self, site=None):
        """Its own procedures; on a provincial site also the national ones it implements."""
        from ..local import is_provincial, site_procedures

        if site is None or not is_provincial(site):
            return visible(ProcedurePage.objects.child_of(self))
        return site_procedures(site).filter(locale=self.locale_id)

    def route(self, request, path_components):
        """A national procedure is served under a provincial catalogue's own address, by its
        national slug, once no local page of that slug exists."""
        from ..local import is_provincial

        try:
            return super().route(request, path_components)
        except Http404:
            site = request_site(request)
            if len(path_components) != 1 or not self.live or not is_provincial(site):
                raise
            national = self.procedures(site).filter(slug=path_components[0]).first()
            if national is None:
                raise
            # The page shows this catalogue's address and link without looking it up again.
            return RouteResult(national, kwargs={"catalogue": self})

    def get_context(self, request, *args, **kwargs):
        from ..local import as_served
        from ..shared import facet_choices

        context = super().get_context(request, *args, **kwargs)
        site = request_site(request)
        procedures = self.procedures(site)
        facets = facet_choices(self, site, procedures)
        form, results = procedure_listing(procedures, request.GET, facets)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            results=results,
            procedures=[page for page, _local in as_served(list(results.object_list), site, self)],
            query_without_page=query.urlencode(),
        )
        return context
