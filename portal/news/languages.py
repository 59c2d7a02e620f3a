"""Where the language switcher of a page leads: its translation when there is a live one,
else the home page of the other language."""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Page

from portal.core.content_cache import remembered
from portal.core.home_addresses import addresses_key
from portal.core.public_url import current_request
from portal.core.routing import translated_keys
from portal.core.sites import request_site
from portal.core.visibility import visible


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_translation: bool


def home_url(language_code):
    """The URL of that language's home page, remembered: every news page links to it."""
    from portal.core.models import HomePage

    request = current_request()
    site = request_site(request) if request is not None else None

    def find():
        homes = HomePage.objects.filter(locale__language_code=language_code)
        home = visible(homes, site).first()
        if home is not None and home.url:
            return home.url
        return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"

    return remembered(("news_home_url", language_code, *addresses_key()), find)


def language_links(page: Page):
    """One link per other language, to the page's live counterpart or that language's home."""
    language = page.locale.language_code
    others = [(code, name) for code, name in settings.LANGUAGES if code != language]
    # All the live counterparts in one query, none for content in one language only.
    if page.translation_key not in translated_keys():
        return [LanguageLink(code, name, home_url(code), False) for code, name in others]
    counterparts = {
        counterpart.locale.language_code: counterpart
        for counterpart in visible()
        .filter(translation_key=page.translation_key)
        .filter(locale__language_code__in=[code for code, _name in others])
        .select_related("locale")
    }
    links = []
    for code, name in others:
        counterpart = counterparts.get(code)
        if counterpart is not None and counterpart.url:
            links.append(LanguageLink(code, name, counterpart.url, True))
        else:
            links.append(LanguageLink(code, name, home_url(code), False))
    return links
