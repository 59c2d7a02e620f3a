"""One agency's site: `manage.py create_agency_site` (and the demo) build it here.

An agency site is a Wagtail `Site` whose Vietnamese home sits at the top of the page tree beside
the ministry's (never under it: what is under a site's home is that site's own), with its English
translation, the section pages content apps contribute through the `register_site_sections`
hook (a function of the new Site returning the pages it made), its agency settings and its own
editor and board groups and approval workflow (portal/core/editorial.py). Running it again for
the same agency changes nothing but what was missing; a hostname or province that belongs to
another agency is refused before anything is written.
"""

import re
from dataclasses import dataclass

from django.db import transaction

from wagtail import hooks
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from .editorial import setup_editorial
from .models import AgencySettings, HomePage
from .publishing import publish_revision
from .site_structure import DEFAULT_LANGUAGE, ensure_home, locale
from .sites import national_site
from .text import slugify_vi

SECTIONS_HOOK = "register_site_sections"
# Content apps make the staff groups an agency needs besides its editors (a case desk).
TEAMS_HOOK = "register_agency_teams"
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")
# "Sở Nông nghiệp và Môi trường Hà Nội" -> "Sở NN&MT Hà Nội" (the groups' names).
_ABBREVIATIONS = {"Nông nghiệp và Môi trường": "NN&MT", "Tài nguyên và Môi trường": "TN&MT"}


class AgencySiteError(ValueError):
    """Input that cannot make an agency's site; nothing was written."""


@dataclass(frozen=True)
class Agency:
    name: str
    hostname: str
    province: str = ""
    name_en: str = ""
    short_name: str = ""
    parent: str = ""  # the parent agency's hostname, or "ministry"; default: the national site
    port: int = 80
    address: str = ""
    hotline: str = ""
    email: str = ""
    brand_colour: str = ""
    brand_dark_colour: str = ""


def short_name_of(name):
    for words, abbreviation in _ABBREVIATIONS.items():
        name = name.replace(words, abbreviation)
    return name


def _checked(agency):
    name = agency.name.strip()
    hostname = agency.hostname.strip().lower()
    if not name:
        raise AgencySiteError("--name: the agency's name is required")
    if not _HOSTNAME.match(hostname):
        raise AgencySiteError(f"--hostname: {agency.hostname!r} is not a host name")
    taken = Site.objects.filter(hostname=hostname).first()
    if taken is not None:
        owner = AgencySettings.for_site(taken).agency_name
        if taken.is_default_site or owner != name:
            raise AgencySiteError(
                f"--hostname: {hostname} is already the site of {owner or 'another agency'}"
            )
    province = agency.province.strip()
    if province:
        clash = (
            AgencySettings.objects.filter(province__iexact=province)
            .exclude(site__hostname=hostname)
            .select_related("site")
            .first()
        )
        if clash is not None:
            raise AgencySiteError(
                f"--province: {province} already has its department's site "
                f"({clash.agency_name}, {clash.site.hostname})"
            )
    return name, hostname, province, _parent_site(agency.parent)


def _parent_site(parent):
    parent = (parent or "").strip().lower()
    national = national_site()
    if parent in ("", "ministry"):
        return national
    site = Site.objects.filter(hostname=parent).first()
    if site is None:
        raise AgencySiteError(f"--parent: no site with hostname {parent!r}")
    return site


def _home(name, short_name, hostname, port):
    """The site's Vietnamese home page and the Site, created once."""
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is not None:
        return site
    root = Page.get_first_root_node()
    slug = find_available_slug(root, slugify_vi(hostname.split(".")[0]) or "co-quan")
    home = root.add_child(instance=HomePage(title=name, slug=slug, locale=locale(DEFAULT_LANGUAGE)))
    publish_revision(home, created=True)
    return Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=name, is_default_site=False
    )


def _fill_settings(site, agency, name, province, parent):
    settings = AgencySettings.for_site(site)
    wanted = {
        "agency_name": name,
        "agency_name_en": agency.name_en,
        "short_name": agency.short_name or short_name_of(name),
        "province": province,
        "address": agency.address,
        "hotline": agency.hotline,
        "email": agency.email,
        "brand_colour": agency.brand_colour,
        "brand_dark_colour": agency.brand_dark_colour,
    }
    # Filled in when blank: an administrator's later edits are never overwritten.
    blank = {key: value for key, value in wanted.items() if value and not getattr(settings, key)}
    if settings.parent_site_id is None and parent is not None and parent.pk != site.pk:
        blank["parent_site"] = parent
    if blank or settings.pk is None:
        for key, value in blank.items():
            setattr(settings, key, value)
        settings.full_clean(exclude=["site"])
        settings.save()
    return settings


@transaction.atomic
def create_agency_site(agency):
    """The agency's site with everything it needs; returns (site, created)."""
    name, hostname, province, parent = _checked(agency)
    if parent is None:
        raise AgencySiteError("there is no national site yet: run `manage.py migrate` and load it")
    created = not Site.objects.filter(hostname=hostname).exists()
    site = _home(name, agency.short_name or short_name_of(name), hostname, agency.port)
    english = ensure_home("en", site=site)
    if english.title == "Home" and agency.name_en:
        english.title = agency.name_en
        publish_revision(english, ["title"])
    _fill_settings(site, agency, name, province, parent)
    for contribute in hooks.get_hooks(SECTIONS_HOOK):
        contribute(site)
    setup_editorial(site)
    for contribute in hooks.get_hooks(TEAMS_HOOK):
        contribute(site)
    return site, created
