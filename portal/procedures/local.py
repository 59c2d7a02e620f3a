"""National catalogue, local implementation: what a site's procedure catalogue shows.

A procedure is national when its page lives under the national site. A provincial site shows
its own (local-only) procedures, the national procedures of the levels its catalogue says it
implements, and any national procedure it has a local implementation of. The effective values
(the local ones where set, else the national) are computed at read time, never copied.
"""

import copy

from django.db.models import Prefetch, Q

from portal.core.content_cache import remembered
from portal.core.models import AgencySettings
from portal.core.sites import own_pages, owner_site
from portal.core.visibility import published, visible

from .models import (
    Level,
    LocalForm,
    LocalImplementation,
    ProcedureChannel,
    ProcedureIndexPage,
    ProcedurePage,
)
from .models.choices import ChannelMethod
from .models.fields import MultipleChoiceField

LOCAL_LEVELS = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]


def is_national(page):
    return owner_site(page).is_default_site


def is_provincial(site):
    """Any site but the national one (the default site) has a local catalogue."""
    return site is not None and not site.is_default_site


def owns(site, page):
    return owner_site(page).pk == site.pk


def catalogue_of(site, locale=None):
    """The site's procedure catalogue page (in this locale when given), or None."""
    catalogues = own_pages(ProcedureIndexPage.objects.all(), site)
    if locale is not None:
        catalogues = catalogues.filter(locale=locale)
    return catalogues.order_by("path").first()


def implemented_levels(site):
    """The levels of national procedures the site's catalogue shows, remembered per site."""

    def compute():
        catalogue = catalogue_of(site)
        return list(catalogue.implemented_levels) if catalogue is not None else list(LOCAL_LEVELS)

    return remembered(("procedures", "implemented-levels", site.pk), compute)


def public_implementations():
    """The local implementations the public sees: published ones, never a draft."""
    return published(LocalImplementation.objects.all())


def site_implementations(site):
    """The site's published local implementations, and those filed under its province before
    it had a site."""
    province = AgencySettings.objects.filter(site=site).exclude(province="").values("province")
    return public_implementations().filter(
        Q(site=site) | Q(site__isnull=True, province__in=province)
    )


def site_procedures(site, queryset=None):
    """The procedure pages public on `site` now."""
    queryset = ProcedurePage.objects.all() if queryset is None else queryset
    queryset = visible(queryset, site)
    if not is_provincial(site):
        return queryset
    shows = Q(pk__in=own_pages(ProcedurePage.objects.all(), site).values("pk")) | Q(
        pk__in=site_implementations(site).values("procedure_id")
    )
    # A national procedure whose levels are not recorded is not left out.
    shows |= Q(levels="")
    for level in implemented_levels(site):
        shows |= Q(levels__contains=MultipleChoiceField.token(level))
    return queryset.filter(shows)


def serves(site, page):
    """Whether the site's catalogue shows this national procedure (as `site_procedures`)."""
    levels = set(page.levels or [])
    if not levels or levels & set(implemented_levels(site)):
        return True
    return site_implementations(site).filter(procedure=page).exists()


def implementation_of(page, site):
    """The site's local implementation of this national procedure, or None."""
    if not is_provincial(site) or owns(site, page):
        return None
    return (
        site_implementations(site)
        .filter(procedure=page)
        .select_related("implementing_agency")
        .prefetch_related(
            Prefetch("local_forms", queryset=LocalForm.objects.select_related("document"))
        )
        .first()
    )


def effective_channels(page, implementation):
    """The national channels with the local time, fees and online address where set."""
    channels = list(page.channels.all())
    if implementation is None:
        return channels
    local = implementation
    effective = [
        ProcedureChannel(
            method=channel.method,
            processing_time=local.processing_time or channel.processing_time,
            fees=local.fees or channel.fees,
            fee_amount=channel.fee_amount if local.fee_amount is None else local.fee_amount,
            url=(local.online_url or channel.url)
            if channel.method == ChannelMethod.ONLINE
            else channel.url,
        )
        for channel in channels
    ]
    if local.online_url and not any(c.method == ChannelMethod.ONLINE for c in effective):
        effective.append(
            ProcedureChannel(
                method=ChannelMethod.ONLINE,
                processing_time=local.processing_time,
                fees=local.fees,
                fee_amount=local.fee_amount,
                url=local.online_url,
            )
        )
    if not effective and (local.processing_time or local.fees):
        effective.append(
            ProcedureChannel(
                method=ChannelMethod.DIRECT,
                processing_time=local.processing_time,
                fees=local.fees,
                fee_amount=local.fee_amount,
            )
        )
    return effective


def effective_agencies(page, implementation):
    if implementation is not None and implementation.implementing_agency is not None:
        return [implementation.implementing_agency]
    return list(page.implementing_agencies.all())


def localised(page, implementation, catalogue=None):
    """An unsaved copy of the national page carrying the local scalar values, served under
    `catalogue` (the provincial catalogue's address) when given."""
    local = copy.copy(page)
    if implementation is not None:
        local.receiving_address = implementation.receiving_address or page.receiving_address
        local.online_level = implementation.online_level or page.online_level
    if catalogue is not None:
        local.served_by = catalogue
    return local


def effective_summary(page, implementation):
    """The figures the comparison across provinces puts side by side."""
    channels = effective_channels(page, implementation)
    agencies = effective_agencies(page, implementation)
    first = channels[0] if channels else None
    online_level = (implementation and implementation.online_level) or page.online_level
    return {
        "agency": agencies[0].name if agencies else "",
        "processing_time": first.processing_time if first else "",
        "fees": first.fees if first else "",
        "fee_amount": first.fee_amount if first else None,
        "online_level": online_level,
        "overridden": implementation is not None,
    }


def published_summary(page, implementation):
    """What a province has published of the figures the comparison puts side by side: "" where
    it has published nothing (the page says "chưa công bố"), never a value copied from the
    national record or another province."""
    local = implementation
    return {
        "agency": local.implementing_agency.name if local and local.implementing_agency else "",
        "processing_time": local.processing_time if local else "",
        "fees": local.fees if local else "",
        "fee_amount": local.fee_amount if local else None,
        "online_level": (local and local.online_level) or page.online_level,
        "overridden": local is not None,
    }


def as_served(pages, site, catalogue=None):
    """(page as the site serves it, its local implementation) for each page of a listing;
    `catalogue`: the site's catalogue in the listing's locale, when the caller has it."""
    if not is_provincial(site):
        return [(page, None) for page in pages]
    catalogues = {catalogue.locale_id: catalogue} if catalogue is not None else {}
    implementations = {
        local.procedure_id: local
        for local in site_implementations(site)
        .filter(procedure__in=pages)
        .select_related("implementing_agency")
    }
    served = []
    for page in pages:
        if owns(site, page):
            served.append((page, None))
            continue
        if page.locale_id not in catalogues:
            catalogues[page.locale_id] = catalogue_of(site, page.locale_id)
        implementation = implementations.get(page.pk)
        served.append((localised(page, implementation, catalogues[page.locale_id]), implementation))
    return served
