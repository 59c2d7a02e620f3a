"""The public catalogue's filters and sorting: a plain GET form, the facets search uses."""

from django import forms
from django.core.paginator import Paginator

from .models.choices import Audience, Level, OnlineLevel, Status
from .models.fields import MultipleChoiceField

PAGE_SIZE = 20
SORTS = {
    "popularity": ("-popularity", "code"),
    "name": ("title", "code"),
    "code": ("code",),
}
SORT_CHOICES = [("popularity", "Phổ biến nhất"), ("name", "Tên thủ tục"), ("code", "Mã thủ tục")]


def _with_any(choices):
    return [("", "Tất cả"), *choices]


class ProcedureFilterForm(forms.Form):
    """Every filter is optional; an unknown value is ignored rather than failing the page."""

    field = forms.ChoiceField(label="Lĩnh vực", required=False)
    level = forms.ChoiceField(
        label="Cấp thực hiện", required=False, choices=_with_any(Level.choices)
    )
    audience = forms.ChoiceField(
        label="Đối tượng", required=False, choices=_with_any(Audience.choices)
    )
    agency = forms.ChoiceField(label="Cơ quan thực hiện", required=False)
    online_level = forms.ChoiceField(
        label="Dịch vụ công trực tuyến", required=False, choices=_with_any(OnlineLevel.choices)
    )
    status = forms.ChoiceField(
        label="Tình trạng", required=False, choices=_with_any(Status.choices)
    )
    sort = forms.ChoiceField(label="Sắp xếp theo", required=False, choices=SORT_CHOICES)

    def __init__(self, data, *, facets, **kwargs):
        """`facets`: the (slug, name) pairs of the listed procedures' fields and agencies."""
        super().__init__(data, **kwargs)
        fields, agencies = facets
        self.fields["field"].choices = _with_any(fields)
        self.fields["agency"].choices = _with_any(agencies)

    def cleaned_or_blank(self):
        """The valid filters; an invalid one (a stale link) counts as not chosen."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}


class ProcedureQuery:
    """Narrows a queryset of procedures, one method per filter."""

    def __init__(self, procedures):
        self.procedures = procedures

    def apply(self, filters):
        for name in ("field", "level", "audience", "agency", "online_level", "status"):
            if filters.get(name):
                self.procedures = getattr(self, f"by_{name}")(filters[name])
        return self.procedures.order_by(*SORTS.get(filters.get("sort") or "popularity"))

    def by_field(self, slug):
        return self.procedures.filter(procedure_fields__slug=slug)

    def by_level(self, level):
        return self.procedures.filter(levels__contains=MultipleChoiceField.token(level))

    def by_audience(self, audience):
        return self.procedures.filter(audiences__contains=MultipleChoiceField.token(audience))

    def by_agency(self, slug):
        return self.procedures.filter(implementing_agencies__slug=slug)

    def by_online_level(self, online_level):
        return self.procedures.filter(online_level=online_level)

    def by_status(self, status):
        return self.procedures.filter(status=status)


def procedure_listing(procedures, params, facets):
    """(form, page of results) for the query string `params`."""
    form = ProcedureFilterForm(params, facets=facets)
    filters = form.cleaned_or_blank()
    results = ProcedureQuery(procedures).apply(filters).distinct()
    page = Paginator(results, PAGE_SIZE).get_page(params.get("page"))
    return form, page
