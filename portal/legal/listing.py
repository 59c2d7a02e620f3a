"""The legal documents index: filters and sorting from GET parameters, validated by a form so
that a bad value is ignored rather than failing."""

from django import forms
from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear

from portal.core.content_cache import remembered
from portal.core.models import Agency, Field
from portal.core.sites import request_site
from portal.core.text import vietnamese_sort_key
from portal.core.visibility import visible

from .models import LegalDocumentPage
from .models.choices import DocumentKind, Validity

PAGE_SIZE = 20
SORTS = {
    "-issued": ("-issued", "-pk"),
    "issued": ("issued", "pk"),
    "number": ("normalised_number",),
    "-number": ("-normalised_number",),
}
SORT_LABELS = [
    ("-issued", "Mới ban hành trước"),
    ("issued", "Cũ trước"),
    ("number", "Số ký hiệu (A–Z)"),
    ("-number", "Số ký hiệu (Z–A)"),
]


class LegalFilterForm(forms.Form):
    doc_type = forms.ChoiceField(label="Loại văn bản", required=False)
    issuer = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    field = forms.ChoiceField(label="Lĩnh vực", required=False)
    validity = forms.ChoiceField(
        label="Tình trạng hiệu lực", required=False, choices=[("", "Tất cả"), *Validity.choices]
    )
    year = forms.TypedChoiceField(label="Năm ban hành", required=False, coerce=int)
    kind = forms.ChoiceField(
        label="Nhóm văn bản", required=False, choices=[("", "Tất cả"), *DocumentKind.choices]
    )
    sort = forms.ChoiceField(label="Sắp xếp", required=False, choices=SORT_LABELS)

    def __init__(self, data, choices):
        super().__init__(data)
        for name, values in choices.items():
            self.fields[name].choices = [("", "Tất cả"), *values]

    def filter(self, documents):
        data = self.cleaned_data if self.is_valid() else self._valid_part()
        if data.get("doc_type"):
            documents = documents.filter(doc_type=data["doc_type"])
        if data.get("issuer"):
            documents = documents.filter(issuer__slug=data["issuer"])
        if data.get("field"):
            documents = documents.filter(fields__slug=data["field"])
        if data.get("validity"):
            documents = documents.filter(validity=data["validity"])
        if data.get("year"):
            documents = documents.filter(issued__year=data["year"])
        if data.get("kind"):
            documents = documents.filter(document_kind=data["kind"])
        return documents.order_by(*SORTS[data.get("sort") or "-issued"])

    def _valid_part(self):
        # Keep the filters that are valid when one of them is not (an old link, a typo).
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


def filter_choices(documents):
    """{field: [(value, label)]}: the types, issuers, fields and years the documents have."""
    types = documents.order_by("doc_type").values_list("doc_type", flat=True).distinct()
    types = sorted({t for t in types if t}, key=vietnamese_sort_key)
    issuers = Agency.objects.filter(legal_documents__in=documents).distinct()
    issuers = sorted(issuers, key=lambda agency: vietnamese_sort_key(agency.name))
    fields = Field.objects.filter(legal_documents__in=documents).distinct()
    fields = sorted(fields, key=lambda field: vietnamese_sort_key(field.name))
    years = (
        documents.exclude(issued=None)
        .annotate(year=ExtractYear("issued"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return {
        "doc_type": [(t, t) for t in types],
        "issuer": [(a.slug, a.name) for a in issuers],
        "field": [(f.slug, f.name) for f in fields],
        "year": [(y, y) for y in years],
    }


def listing_context(index_page, request):
    # The site's own documents and the central library, in the index page's language.
    site = request_site(request)
    documents = visible(LegalDocumentPage.objects.all(), site).filter(locale=index_page.locale_id)
    # The same for every visitor of this index until content changes: four queries saved.
    choices = remembered(
        ("legal", "filter_choices", site.pk if site else None, index_page.locale_id),
        lambda: filter_choices(documents),
    )
    form = LegalFilterForm(request.GET, choices)
    filtered = form.filter(documents).select_related("issuer")
    page_obj = Paginator(filtered, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "documents": page_obj,
        "page_obj": page_obj,
        "filter_query": query.urlencode(),
    }
