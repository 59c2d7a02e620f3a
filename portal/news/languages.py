"""Where the language switcher of a page leads: its translation when there is a live one,
else the home page of the other language."""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_translation: bool


def home_url(language_code):
    from portal.core.models import HomePage

    home = HomePage.objects.live().filter(locale__language_code=language_code).first()
    if home is not None and home.url:
        return home.url
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


def language_links(page: Page):
    """One link per other language, to the page's live counterpart or that language's home."""
    links = []
    for code, name in settings.LANGUAGES:
        if code == page.locale.language_code:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        counterpart = page.get_translation_or_none(locale) if locale else None
        if counterpart is not None and counterpart.live and counterpart.url:
            links.append(LanguageLink(code, name, counterpart.url, True))
        else:
            links.append(LanguageLink(code, name, home_url(code), False))
    return links
