"""The page tree every installation needs: a Vietnamese home as the default site's root, its
English translation, and the section pages that importers and demo content hang pages under.

Each agency's site (portal/core/agencies.py) has the same shape; `site=None` means the national
site (the ministry's, the default one)."""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import HomePage
from .publishing import publish_revision

DEFAULT_LANGUAGE = "vi"


def locale(language_code):
    return Locale.objects.get_or_create(language_code=language_code)[0]


@transaction.atomic
def ensure_home(language_code=DEFAULT_LANGUAGE, site=None):
    """The site's home page in this language, creating the national site's home pages on a
    fresh database and a missing translation of any site's home."""
    if site is None or site.is_default_site:
        vietnamese_home = _ensure_vietnamese_home()
    else:
        vietnamese_home = site.root_page.specific
    if language_code == DEFAULT_LANGUAGE:
        return vietnamese_home
    translation = vietnamese_home.get_translation_or_none(locale(language_code))
    if translation is None:
        translation = vietnamese_home.copy_for_translation(locale(language_code))
        translation.title = "Home" if language_code == "en" else translation.title
        publish_revision(translation, created=True)
    return translation.specific


def _ensure_vietnamese_home():
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Trang chủ", slug="trang-chu", locale=locale(DEFAULT_LANGUAGE))
    )
    publish_revision(home, created=True)
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    else:
        previous_root = site.root_page
        site.root_page = home
        site.save()
        # The placeholder page Wagtail's migrations create is replaced, never an editor's page.
        if type(previous_root.specific) is Page and previous_root.is_leaf():
            previous_root.delete()
    return home


def ensure_section(page_class, *, slug, title, language_code=DEFAULT_LANGUAGE, site=None, **fields):
    """The section page of this type under the site's home page, created and published if
    missing.

    A new section shows in the main navigation unless `show_in_menus=False` is given."""
    fields.setdefault("show_in_menus", True)
    home = ensure_home(language_code, site=site)
    existing = page_class.objects.child_of(home).filter(slug=slug).first()
    if existing is not None:
        return existing
    section = home.add_child(instance=page_class(title=title, slug=slug, **fields))
    publish_revision(section, created=True)
    return section
