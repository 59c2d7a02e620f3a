"""What the home page shows from the content apps: featured news, the most used procedures and
the latest legal documents. A content app that is not installed gives an empty section, so the
home page always renders. Procedures and legal documents exist mostly in Vietnamese: a home page
in another language shows the Vietnamese ones when it has none of its own (marked with `lang`)."""

from django.apps import apps

SECTION_SIZE = 5
FALLBACK_LANGUAGE = "vi"


# context name -> (app label, model) of the listing page each home section links to.
LISTINGS = {
    "news_url": ("news", "LatestNewsPage"),
    "procedures_url": ("procedures", "ProcedureIndexPage"),
    "legal_url": ("legal", "LegalDocumentIndexPage"),
}


def home_sections(locale, size=SECTION_SIZE):
    return {
        "featured_news": featured_news(locale, size),
        "popular_procedures": popular_procedures(locale, size),
        "latest_legal": latest_legal(locale, size),
        **{name: listing_url(*model, locale) for name, model in LISTINGS.items()},
    }


def listing_url(app_label, model_name, locale):
    """The URL of the listing page of this type for the locale (or the fallback language)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return ""
    pages = model.objects.live().public().order_by("path")
    found = _in_locale_or_fallback(pages, locale, 1)
    return found[0].url if found else ""


def _item(page, summary="", date=None, meta=""):
    return {
        "meta": meta,
        "title": page.get_listing_title(),
        "url": page.url,
        "summary": page.listing_summary or summary or page.search_description,
        "date": date,
        "language": page.locale.language_code,
    }


def _in_locale_or_fallback(pages, locale, size):
    """Pages of `locale`, or of the fallback language when that locale has none."""
    found = list(pages.filter(locale=locale)[:size])
    if not found and locale.language_code != FALLBACK_LANGUAGE:
        found = list(pages.filter(locale__language_code=FALLBACK_LANGUAGE)[:size])
    return found


def featured_news(locale, size=SECTION_SIZE):
    """Featured items of this language; the latest items when none is featured."""
    if not apps.is_installed("portal.news"):
        return []
    from portal.news import queries

    items = queries.featured_news(locale, limit=size) or list(queries.live_news(locale)[:size])
    return [_item(item, item.lead, item.publish_date) for item in items]


def popular_procedures(locale, size=SECTION_SIZE):
    """The procedures people use most (by usage weight), abolished ones left out."""
    if not apps.is_installed("portal.procedures"):
        return []
    from portal.procedures.models import ProcedurePage

    pages = (
        ProcedurePage.objects.live()
        .public()
        .exclude(status="abolished")
        .select_related("locale")
        .order_by("-popularity", "code")
    )
    found = _in_locale_or_fallback(pages, locale, size)
    return [_item(page, meta=page.code) for page in found]


def latest_legal(locale, size=SECTION_SIZE):
    """The most recently issued legal documents."""
    if not apps.is_installed("portal.legal"):
        return []
    from portal.legal.models import LegalDocumentPage

    pages = (
        LegalDocumentPage.objects.live()
        .public()
        .select_related("locale")
        .order_by("-issued", "-first_published_at")
    )
    found = _in_locale_or_fallback(pages, locale, size)
    return [_item(page, page.abstract, page.issued, meta=page.number) for page in found]
