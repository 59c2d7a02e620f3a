"""What the home page shows from the content apps: featured news, the most used procedures and
the latest legal documents. Each content app contributes its sections through the Wagtail hook
`register_home_sections` (a function of the locale returning template context); core imports no
content app, so an app that is not installed simply contributes nothing. Procedures and legal
documents exist mostly in Vietnamese: a home page in another language shows the Vietnamese ones
when it has none of its own (marked with `lang`)."""

from wagtail import hooks

SECTION_SIZE = 5
FALLBACK_LANGUAGE = "vi"
HOOK = "register_home_sections"


def home_sections(locale, size=SECTION_SIZE):
    context = {}
    for contribute in hooks.get_hooks(HOOK):
        context.update(contribute(locale, size))
    return context


def listing_url(model, locale):
    """The URL of the listing page of this type for the locale (or the fallback language)."""
    pages = model.objects.live().public().order_by("path")
    found = in_locale_or_fallback(pages, locale, 1)
    return found[0].url if found else ""


def section_item(page, summary="", date=None, meta=""):
    return {
        "meta": meta,
        "title": page.get_listing_title(),
        "url": page.url,
        "summary": page.listing_summary or summary or page.search_description,
        "date": date,
        "language": page.locale.language_code,
    }


def in_locale_or_fallback(pages, locale, size):
    """Pages of `locale`, or of the fallback language when that locale has none."""
    found = list(pages.filter(locale=locale)[:size])
    if not found and locale.language_code != FALLBACK_LANGUAGE:
        found = list(pages.filter(locale__language_code=FALLBACK_LANGUAGE)[:size])
    return found
