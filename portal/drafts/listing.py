"""Drafts public on a site, and the filters of their listing and API: field, drafting agency and
status (open, closed, upcoming: from the clock at read time)."""

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Agency, Field
from portal.core.sites import request_site
from portal.core.visibility import visible

from .models import DraftPage, DraftStatus

PAGE_SIZE = 20


def drafts(site=None):
    return visible(DraftPage.objects.all(), site).select_related("drafting_unit")


def with_status(queryset, status, now=None):
    now = now or timezone.now()
    if status == DraftStatus.OPEN:
        return queryset.filter(opens_at__lte=now, closes_at__gt=now)
    if status == DraftStatus.CLOSED:
        return queryset.filter(closes_at__lte=now)
    return queryset.filter(opens_at__gt=now)


def filtered(queryset, *, field="", agency="", status=""):
    if field:
        queryset = queryset.filter(fields__slug=field)
    if agency:
        queryset = queryset.filter(drafting_unit__slug=agency)
    if status:
        queryset = with_status(queryset, status)
    return queryset.distinct().order_by("-opens_at", "-pk")


class DraftFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Tình trạng"), required=False, choices=[("", _("Tất cả")), *DraftStatus.choices]
    )
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    agency = forms.ChoiceField(label=_("Đơn vị soạn thảo"), required=False)

    def __init__(self, data, pages):
        super().__init__(data)
        fields = Field.objects.filter(drafts__in=pages).distinct().order_by("name")
        agencies = Agency.objects.filter(drafts__in=pages).distinct().order_by("name")
        self.fields["field"].choices = [("", _("Tất cả")), *((f.slug, f.name) for f in fields)]
        self.fields["agency"].choices = [("", _("Tất cả")), *((a.slug, a.name) for a in agencies)]

    def chosen(self):
        # An invalid value (an old link, a typo) is ignored, the valid filters kept.
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def listing_context(index_page, request):
    pages = drafts(request_site(request)).filter(locale=index_page.locale_id)
    form = DraftFilterForm(request.GET, pages)
    page_obj = Paginator(filtered(pages, **form.chosen()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {"filter_form": form, "drafts": page_obj, "page_obj": page_obj}
