import django_filters

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from portal.api.catalog import HOOK as DATASETS_HOOK
from portal.api.catalog import dataset
from portal.core.home import HOOK, in_locale_or_fallback, listing_url, section_item
from portal.core.visibility import visible
from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import pages_source

from .models import LegalArticle, LegalDocumentIndexPage, LegalDocumentPage, Validity
from .tasks import extract_after_commit


class ArticleFilterSet(WagtailFilterSet):
    document = django_filters.NumberFilter(field_name="document_id", label="Mã trang văn bản")

    class Meta:
        model = LegalArticle
        fields = ["document"]


class ArticleViewSet(ModelViewSet):
    """Articles are edited here, outside page revisions; the document's edit page links here."""

    model = LegalArticle
    name = "legal_article"
    icon = "list-ol"
    menu_label = "Các điều văn bản"
    add_to_admin_menu = False
    list_display = ["__str__", "document"]
    filterset_class = ArticleFilterSet
    search_fields = ["number", "title"]
    search_backend_name = None
    form_fields = ["document", "number", "position", "title", "text"]

    def get_queryset(self, request):
        return LegalArticle.objects.select_related("document")


class LegalDocumentFilterSet(PageFilterSet):
    validity = django_filters.ChoiceFilter(label="Tình trạng hiệu lực", choices=Validity.choices)
    text_extraction_failed = django_filters.BooleanFilter(
        label="Tệp đính kèm chưa trích xuất được nội dung"
    )

    class Meta:
        model = LegalDocumentPage
        fields = []


class LegalDocumentListingViewSet(PageListingViewSet):
    model = LegalDocumentPage
    icon = "doc-full"
    menu_label = "Văn bản"
    menu_order = 210
    add_to_admin_menu = True
    filterset_class = LegalDocumentFilterSet
    columns = PageListingViewSet.columns + [
        Column("number", label="Số ký hiệu"),
        Column("validity", label="Hiệu lực", accessor="get_validity_display"),
        Column("issued", label="Ngày ban hành", sort_key="issued"),
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ArticleViewSet("legal_article"), LegalDocumentListingViewSet("legal_documents")]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def extract_attachment_texts_later(request, page):
    """Extraction runs as a background task; its failures show on the edit page (ArticlesPanel)
    and in the listing filter, never by making the editor wait."""
    if not isinstance(page, LegalDocumentPage):
        return
    if any(attachment.document_id for attachment in page.attachments.all()):
        if page.has_unpublished_changes or not page.live:  # a publish asks by itself
            extract_after_commit(page)
        messages.info(
            request,
            "Nội dung tệp đính kèm đang được trích xuất trong nền; "
            "nếu không trích xuất được, trang sửa văn bản sẽ báo.",
        )


@hooks.register(HOOK)
def home_legal(locale, size):
    """The most recently issued legal documents."""
    pages = LegalDocumentPage.objects.select_related("locale").order_by(
        "-issued", "-first_published_at"
    )
    found = in_locale_or_fallback(pages, locale, size)
    return {
        "latest_legal": [
            section_item(page, page.abstract, page.issued, meta=page.number) for page in found
        ],
        "legal_url": listing_url(LegalDocumentIndexPage, locale),
    }


@hooks.register("register_shared_page_types")
def shared_legal_documents():
    """Central legal documents under the national site: every agency's site shows them."""
    return [LegalDocumentPage]


@hooks.register("register_site_sections")
def legal_section(site):
    """A new agency's site gets its legal documents listing (portal/core/agencies.py)."""
    from portal.core.site_structure import ensure_section

    from .importers import SECTION

    return [ensure_section(LegalDocumentIndexPage, **SECTION, site=site)]


@hooks.register("register_citing_pages")
def documents_citing(pages):
    """Legal documents that show these documents among their relations."""
    numbers = {page.normalised_number for page in pages if isinstance(page, LegalDocumentPage)}
    if not numbers:
        return []
    return visible(
        LegalDocumentPage.objects.filter(relations__target_normalised__in=numbers).distinct()
    )


@hooks.register(DATASETS_HOOK)
def open_datasets(request):
    return [
        dataset(
            "legal",
            _("Văn bản quy phạm pháp luật"),
            _(
                "Văn bản pháp luật và văn bản chỉ đạo điều hành: số hiệu, trích yếu, "
                "ngày ban hành, hiệu lực và toàn văn các điều."
            ),
            [_("văn bản pháp luật"), _("hiệu lực")],
            "/api/legal/",
            "/api/feeds/legal/",
        )
    ]


@hooks.register(DISCLOSURE_HOOK)
def disclosed_documents(request, site):
    return pages_source("legal_documents", request, site, LegalDocumentIndexPage, LegalDocumentPage)
