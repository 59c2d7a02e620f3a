"""Which province? A national procedure carried out at provincial or commune level has local facts
(where to apply, the implementing agency, local fees and time) that only a province publishes.
Its national page asks which province the citizen is in: a plain list of the 34 provinces that
works without JavaScript, those with a site linking to their own page of the procedure, the
others to `tinh/<province>/`, which gives what national data named as that province's (kept
until it has a site) or says what it has not published yet. A province's
site without a local implementation says so and gives its own department's contacts (the
agency settings every page has, portal.core.context_processors)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from portal.core.models import AgencySettings
from portal.core.provinces import PROVINCES
from portal.core.text import slugify_vi

from .local_facts import LOCAL_LEVELS

PROVINCE_SLUG = "tinh"


def asks_province(page):
    """Whether the page is a national procedure whose local facts differ by province."""
    from .local import is_national

    return bool(LOCAL_LEVELS & set(page.levels)) and is_national(page)


def province_choices(page, request):
    """[{"name", "slug", "url"}] of the 34 provinces, in the official order."""
    sites = {
        settings.province: settings.site
        for settings in AgencySettings.objects.exclude(province="").select_related("site")
    }
    parts = page.get_url_parts(request)
    path = parts[2] if parts else page.url
    choices = []
    for name in PROVINCES:
        slug = slugify_vi(name)
        site = sites.get(name)
        url = f"{site.root_url}{path}" if site else f"{path}{PROVINCE_SLUG}/{slug}/"
        choices.append({"name": name, "slug": slug, "url": url})
    return choices


def province_response(page, request, slug):
    """The chosen province: its own page of the procedure, or what it has not published; an
    unknown province is a 404 with the list."""
    choices = province_choices(page, request)
    chosen = next((choice for choice in choices if choice["slug"] == slug), None)
    if chosen is not None and not chosen["url"].endswith(f"/{PROVINCE_SLUG}/{slug}/"):
        return HttpResponseRedirect(chosen["url"])
    context = {
        "page": page,
        "self": page,
        "provinces": choices,
        "chosen": chosen,
        "local": _filed_for(page, chosen["name"]) if chosen else None,
    }
    status = 200 if chosen is not None else 404
    return TemplateResponse(request, "procedures/procedure_province.html", context, status=status)


def _filed_for(page, province):
    """The published local facts of a province without a site for this procedure, or None."""
    from .local import public_implementations

    found = public_implementations().filter(procedure=page, site__isnull=True, province=province)
    return found.select_related("implementing_agency").first()
