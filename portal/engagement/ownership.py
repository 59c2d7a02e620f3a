"""Cases belong to an agency. A question or report is the case of the agency whose site it was
sent on, or, sent on the ministry's site, of the department of the province the citizen chose
(the ministry's when that province has no site yet); a transfer to another agency's site moves
it. Each agency's case desk (a staff group `create_agency_site` makes) sees, edits, answers and
exports only its own agency's cases; ministry staff see all. A tracking code answers on its own
agency's site and on the ministry's."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail.models import Site

from portal.core.editorial import editorial_names
from portal.core.provinces import province_site
from portal.core.sites import request_site

from .models import CaseDesk

DESK = "Tiếp nhận và trả lời"
DESK_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(
        ("engagement", f"{action}_{model}")
        for model in ("question", "report")
        for action in ("add", "change", "view")
    ),
]


def receiving_site(request, province):
    """The agency whose case a submission made now becomes: the request's site's, or on the
    ministry's site, the chosen province's department's."""
    site = request_site(request)
    if site is not None and not site.is_default_site:
        return site
    return province_site(province) or site


def desk_sites(user):
    """The ids of the sites whose cases the user handles, or None for every site (ministry
    staff, superusers)."""
    if user.is_superuser:
        return None
    desks = list(CaseDesk.objects.filter(group__user=user).values_list("site_id", flat=True))
    if not desks or Site.objects.filter(pk__in=desks, is_default_site=True).exists():
        return None
    return desks


def cases_for(user, queryset):
    """The cases of `queryset` the user may see."""
    sites = desk_sites(user)
    return queryset.all() if sites is None else queryset.filter(site_id__in=sites)


def may_handle(user, case):
    sites = desk_sites(user)
    return sites is None or case.site_id in sites


def answers_on(site, case):
    """Whether a tracking code is answered on this site: its own agency's and the ministry's."""
    return site is None or site.is_default_site or case.site_id == site.pk


def ensure_desk(site):
    """The site's case desk ("Tiếp nhận và trả lời – Sở NN&MT Hà Nội"), made once."""
    short = editorial_names(site)[0].split(" – ", 1)[-1]
    group, _created = Group.objects.get_or_create(name=f"{DESK} – {short}")
    wanted = Q()
    for app, codename in DESK_PERMISSIONS:
        wanted |= Q(content_type__app_label=app, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))
    CaseDesk.objects.get_or_create(site=site, defaults={"group": group})
    return group
