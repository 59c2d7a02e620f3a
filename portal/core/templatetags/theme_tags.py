"""Template tags of the public theme: breadcrumbs, language alternates, menus, JSON-LD.

Views that are not Wagtail pages (search, 404) may put `breadcrumb_trail` (a list of
`{"title", "url"}`) and `language_alternates` (a list of `{"language", "url"}`) in the context;
pages get both from the page tree.
"""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from portal.core import content_cache, home_addresses, public_url, routing
from portal.core.sites import request_site
from portal.core.visibility import is_visible, live_translations, visible

register = template.Library()

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
HOME_TITLES = {"vi": "Trang chủ", "en": "Home"}

# Characters that could end the <script> element or start an HTML comment inside JSON-LD.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _json_default(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _language():
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def home_url(language):
    return "/en/" if language == "en" else "/"


def _absolute(request, url):
    return public_url.absolute(url, request)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL with the portal's public address (portal.core.public_url)."""
    return _absolute(context.get("request"), url)


def _current_page(context):
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


def _shared_key(request, *parts):
    """A `remembered` key for data derived from the page tree as this request's site shows it
    (URLs of another site are absolute, with the address the request came to when that site's
    is not configured)."""
    site = request_site(request)
    return (*parts, site.pk if site else None, request.get_host() if request else "", _language())


def _crumb(page, request):
    return {
        "title": getattr(page, "get_listing_title", lambda: page.title)(),
        "url": page.get_url(request),
    }


def _trail_to(path, request):
    """The crumbs from the home page down to the page at `path` (inclusive)."""

    def compute():
        ancestors = Page.objects.filter(path__in=_paths_to(path), depth__gte=2)
        return [_crumb(page, request) for page in ancestors.order_by("path").specific()]

    return content_cache.remembered(_shared_key(request, "trail", path), compute)


def _paths_to(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The trail from the home page (in the page's language) to the current page."""
    trail = context.get("breadcrumb_trail")
    if trail is not None:
        language = _language()
        return [{"title": HOME_TITLES[language], "url": home_url(language)}, *trail]
    page = _current_page(context)
    request = context.get("request")
    if page is None:
        language = _language()
        return [{"title": HOME_TITLES[language], "url": home_url(language)}]
    # What is above the page is shared with its siblings; the page itself is at hand.
    page = _as_stored(page)
    above = _trail_to(_parent_path_here(page, request), request) if page.depth > 2 else []
    return [*above, _crumb(page, request)]


def _parent_path_here(page, request):
    """The path of the page's parent, or of its counterpart on the request's site when that site
    serves the page as national shared content (portal.core.home_addresses)."""
    parent_path = page.path[: -Page.steplen]
    site = home_addresses.serving_site(page, request)
    if site is None:
        return parent_path
    return home_addresses.counterpart_path(parent_path, site) or parent_path


def _as_stored(page):
    """The page with its stored fields only: the trail links a page at its own address, not
    where a view attached it to be served (a national procedure on a provincial site)."""
    names = [field.attname for field in page._meta.concrete_fields]
    if any(name not in page.__dict__ for name in names):
        return page
    return type(page).from_db(page._state.db, names, [page.__dict__[name] for name in names])


def _untranslated(page, request):
    """The alternates of a page without translations: itself, when live and public."""
    if not is_visible(page):
        return []
    return [
        {"language": routing.languages()[page.locale_id], "url": _as_stored(page).get_url(request)}
    ]


def _translations(page, request):
    """`{"language", "url"}` of each live, public translation of the page (itself included)."""
    languages = routing.languages()
    return [
        {
            "language": languages[translation.locale_id],
            "url": translation.specific_deferred.get_url(request),
        }
        for translation in live_translations(page)
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """One `{"language", "name", "url"}` per language the current content exists in."""
    alternates = context.get("language_alternates")
    if alternates is None:
        page = _current_page(context)
        request = context.get("request")
        if page is None:
            alternates = []
        elif page.depth <= 3:
            # Home pages and sections: few, and every visitor passes through them.
            key = _shared_key(request, "alternates", page.translation_key)
            alternates = content_cache.remembered(key, lambda: _translations(page, request))
        elif page.translation_key not in routing.translated_keys():
            alternates = _untranslated(page, request)
        else:
            known = request.__dict__.setdefault("_portal_alternates", {})
            if page.pk not in known:
                known[page.pk] = _translations(page, request)
            alternates = known[page.pk]
    return [
        {**alternate, "name": LANGUAGE_NAMES.get(alternate["language"], alternate["language"])}
        for alternate in alternates
        if alternate.get("url")
    ]


@register.simple_tag(takes_context=True)
def other_languages(context):
    """Where the language switcher points: the translation if it exists, else that home page."""
    current = _language()
    by_language = {alternate["language"]: alternate for alternate in language_alternates(context)}
    return [
        by_language.get(language, {"language": language, "name": name, "url": home_url(language)})
        for language, name in LANGUAGE_NAMES.items()
        if language != current
    ]


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The sections of the home page in the current language, for the main navigation.

    Each is `{"title", "url", "current"}`; `current` is "page" on the section itself, "true"
    on a page inside it, else empty (for `aria-current`).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []

    def compute():
        home = site.root_page.localized
        children = list(visible(home.get_children()).specific())
        shown = [child for child in children if child.show_in_menus] or children
        return [{**_crumb(section, request), "path": section.path} for section in shown]

    page = _current_page(context)
    items = []
    for section in content_cache.remembered(_shared_key(request, "menu"), compute):
        current = ""
        if page is not None and page.path.startswith(section["path"]):
            current = "page" if page.path == section["path"] else "true"
        items.append({"title": section["title"], "url": section["url"], "current": current})
    return items


@register.simple_tag
def og_locale(language):
    return OG_LOCALES.get(language, "vi_VN")


@register.simple_tag
def json_ld(data):
    """A `<script type="application/ld+json">` element holding `data`, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, default=_json_default).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    request = context.get("request")
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb["title"],
            "item": _absolute(request, crumb["url"]),
        }
        for position, crumb in enumerate(breadcrumbs(context), start=1)
    ]
    return json_ld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )


def _publisher(context):
    return {
        "@type": "GovernmentOrganization",
        "name": context.get("agency_name", ""),
        "url": _absolute(context.get("request"), home_url(_language())),
    }


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The agency as a schema.org GovernmentOrganization (for the home page)."""
    agency = context.get("agency")
    data = {"@context": "https://schema.org", **_publisher(context)}
    if agency is not None:
        if agency.address_for(_language()):
            data["address"] = agency.address_for(_language())
        if agency.hotline:
            data["telephone"] = agency.hotline
        if agency.email:
            data["email"] = agency.email
    return json_ld(data)


@register.simple_tag(takes_context=True)
def page_json_ld(context, schema_type, page=None, **properties):
    """JSON-LD for a content page: `{% page_json_ld "NewsArticle" headline=page.title %}`.

    Name, URL, description, language and publisher come from the page; keyword arguments add
    or override schema.org properties (empty values are dropped). A keyword `prop__Type` makes a
    nested thing: `author__Person=page.author` gives `"author": {"@type": "Person", "name": ...}`.
    NewsArticle, Legislation and GovernmentService are the types the content templates use.
    """
    page = page or _current_page(context)
    request = context.get("request")
    data = {"@context": "https://schema.org", "@type": schema_type}
    if page is not None:
        description = (
            page.search_description
            or getattr(page, "listing_summary", "")
            or getattr(page, "social_text", "")
        )
        data.update(
            name=page.title,
            url=_absolute(request, page.get_url(request)),
            inLanguage=page.locale.language_code,
            description=description,
        )
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
    publisher_key = "provider" if schema_type == "GovernmentService" else "publisher"
    data[publisher_key] = _publisher(context)
    for key, value in properties.items():
        name, _, thing = key.partition("__")
        if thing and value not in (None, ""):
            value = {"@type": thing, "name": str(value)}
        elif isinstance(value, str) and value.startswith("/"):
            value = _absolute(request, value)
        data[name] = value
    return json_ld({key: value for key, value in data.items() if value not in (None, "", [])})


# Validity of a legal document (portal.legal Validity values) -> schema.org LegalForceStatus.
LEGAL_FORCE = {
    "in_force": "https://schema.org/InForce",
    "partly_expired": "https://schema.org/PartiallyInForce",
    "expired": "https://schema.org/NotInForce",
    "not_yet_in_force": "https://schema.org/NotInForce",
}


@register.filter
def legal_force(validity):
    """The schema.org LegalForceStatus of a validity value; empty when it is unknown."""
    return LEGAL_FORCE.get(str(validity), "")


# Status values of legal documents and procedures -> the badge modifier that shows them.
BADGE_TONES = {
    "in_force": "ok",
    "partly_expired": "warn",
    "not_yet_in_force": "warn",
    "amended": "warn",
    "expired": "bad",
    "abolished": "bad",
}


@register.filter
def badge_tone(status):
    """`badge--{{ value|badge_tone }}`: ok, warn, bad or neutral for a validity or status."""
    return BADGE_TONES.get(str(status), "neutral")


FACET_HEADINGS_EN = {
    "kind": "Content type",
    "field": "Field",
    "level": "Level",
    "audience": "Audience",
    "agency": "Implementing agency",
    "online_level": "Online service level",
    "status": "Status",
    "doc_type": "Document type",
    "issuer": "Issuer",
    "validity": "Validity",
    "year": "Year issued",
    "section": "Section",
    "tag": "Tag",
    "language": "Language",
    "site": "Agency, province",
}


@register.simple_tag
def facet_heading(group, language):
    """The heading of a search facet group in the page's language."""
    if language == "en":
        return FACET_HEADINGS_EN.get(group["name"], group["heading"])
    return group["heading"]
