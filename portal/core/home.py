"""What the home page shows from the content apps: featured news, the most used procedures and
the latest legal documents. A content app that is not installed, or has no page model yet,
gives an empty section, so the home page always renders."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

# section name -> (app label, page model, ordering fields tried in order, date field)
SECTIONS = {
    "featured_news": ("news", "NewsPage", ["-featured", "-publish_date"], "publish_date"),
    "popular_procedures": ("procedures", "ProcedurePage", ["-popularity"], None),
    "latest_legal": ("legal", "LegalDocumentPage", ["-issued"], "issued"),
}
SECTION_SIZE = 5


def home_sections(locale, size=SECTION_SIZE):
    return {name: section_items(name, locale, size) for name in SECTIONS}


def section_items(name, locale, size=SECTION_SIZE):
    """Up to `size` live pages of the section, as dicts with title, url, summary and date."""
    app_label, model_name, ordering, date_field = SECTIONS[name]
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return []
    ordering = [field for field in ordering if _has_field(model, field.lstrip("-"))]
    pages = (
        model.objects.live()
        .public()
        .filter(locale=locale)
        .order_by(*ordering, "-first_published_at")[:size]
    )
    return [
        {
            "title": page.get_listing_title(),
            "url": page.url,
            "summary": page.listing_summary or getattr(page, "lead", "") or page.search_description,
            "date": getattr(page, date_field, None) if date_field else None,
        }
        for page in pages
    ]


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
