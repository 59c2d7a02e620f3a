"""What the home page shows from the content apps: featured news, the most used procedures and
the latest legal documents. Each content app contributes its sections through the Wagtail hook
`register_home_sections` (a function of the locale returning template context); core imports no
content app, so an app that is not installed simply contributes nothing. Procedures and legal
documents exist mostly in Vietnamese: a home page in another language shows the Vietnamese ones
when it has none of its own (marked with `lang`).

A home page shows what its agency's site shows (portal.core.sites.scoped): while the sections
are gathered, `current_site()` is that site, and `listing_url()` and `in_locale_or_fallback()`
scope by it, so a contribution that goes through them needs no change of signature."""

import contextvars

from wagtail import hooks

from .content_cache import remembered
from .sites import national_site
from .visibility import visible

SECTION_SIZE = 5
FALLBACK_LANGUAGE = "vi"
HOOK = "register_home_sections"


_site = contextvars.ContextVar("home_site", default=None)


def current_site():
    """The site whose home page is being built (the national site outside `home_sections`)."""
    return _site.get() or national_site()


def home_sections(locale, size=SECTION_SIZE, site=None):
    """What the home page of `site` (None: the national site) shows in this locale: remembered
    until content changes (portal.core.content_cache), so contributions return plain data."""

    def gather():
        token = _site.set(site)
        try:
            context = {}
            for contribute in hooks.get_hooks(HOOK):
                context.update(contribute(locale, size))
            return context
        finally:
            _site.reset(token)

    return remembered(("home_sections", site.pk if site else None, locale.pk, size), gather)


def listing_url(model, locale):
    """The URL of the site's listing page of this type for the locale (or the fallback
    language)."""
    pages = model.objects.order_by("path")
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
    """Pages of `locale` public on the current site, or of the fallback language when that
    locale has none."""
    pages = visible(pages, current_site())
    found = list(pages.filter(locale=locale)[:size])
    if not found and locale.language_code != FALLBACK_LANGUAGE:
        found = list(pages.filter(locale__language_code=FALLBACK_LANGUAGE)[:size])
    return found
