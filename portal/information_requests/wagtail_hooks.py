"""The admin: the requests (each desk its own agency's, as questions and reports), the handling
view, the deadlines per agency; the desks' permissions; the figures on the statistics dashboard."""

import django_filters

from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from portal.disclosure.compliance import FIGURES_HOOK as COMPLIANCE_HOOK
from portal.engagement import codes
from portal.engagement.ownership import ensure_desk, may_handle
from portal.engagement.personal_data import CODES_HOOK, ERASURE_HOOK
from portal.engagement.wagtail_hooks import CaseViewSet
from portal.statistics.dashboard import TABLES_HOOK

from . import admin_views, deadlines, figures, personal_data, tracking
from .choices import RefusalGround
from .models import InformationRequest


class RequestFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="Quá hạn", method="filter_overdue")

    def filter_overdue(self, queryset, name, value):
        late = deadlines.overdue(queryset)
        return (
            queryset.filter(pk__in=late.values("pk"))
            if value
            else queryset.exclude(pk__in=late.values("pk"))
        )

    class Meta:
        model = InformationRequest
        fields = ["status", "complexity", "site", "channel"]


class InformationRequestViewSet(CaseViewSet):
    model = InformationRequest
    icon = "doc-full"
    menu_label = "Yêu cầu cung cấp thông tin"
    menu_order = 252
    add_to_admin_menu = True
    list_display = ["code", "subject", "site", "status", "due", "overdue_label", "created_at"]
    filterset_class = RequestFilterSet
    search_fields = ["code", "subject"]
    inspect_view_enabled = False


register_snippet(InformationRequestViewSet)


@hooks.register("register_admin_urls")
def information_request_admin_urls():
    return admin_views.admin_urls()


@hooks.register("register_snippet_listing_buttons")
def handle_button(snippet, user, next_url=None):
    if isinstance(snippet, InformationRequest) and user.has_perm(admin_views.CHANGE):
        url = reverse("information_requests_handle", args=[snippet.pk])
        yield ListingButton("Xử lý yêu cầu", url, priority=5)


class DeadlinesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def deadlines_menu_item():
    return DeadlinesMenuItem(
        "Hạn giải quyết yêu cầu cung cấp thông tin",
        reverse("information_requests_deadlines"),
        icon_name="time",
        order=253,
    )


@hooks.register("register_agency_teams")
def desk_handles_requests(site):
    """A new agency's case desk (portal/engagement/ownership.py) handles its requests too."""
    group = ensure_desk(site)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="information_requests",
            codename__in=[f"{action}_informationrequest" for action in ("add", "change", "view")],
        )
    )


@hooks.register(TABLES_HOOK)
def information_request_table(first_day, last_day, province):
    """Requests per agency on the national statistics dashboard (a province's dashboard shows
    its own agencies' procedures only): received, answered on time and late, overdue, and
    refused by each ground of Art. 28(1)."""
    found = {} if province else figures.by_agency(first_day, last_day)
    if not found:
        return []
    grounds = RefusalGround.choices
    columns = [
        (_("Cơ quan"), "text"),
        (_("Tiếp nhận"), "number"),
        (_("Trả lời đúng hạn"), "number"),
        (_("Trả lời quá hạn"), "number"),
        (_("Quá hạn, chưa trả lời"), "number"),
        *((_("Từ chối: %(ground)s") % {"ground": label}, "number") for _value, label in grounds),
    ]
    rows = [
        [
            agency,
            row["received"],
            row["answered_on_time"],
            row["answered_late"],
            row["open_overdue"],
            *(row["refused"][value] for value, _label in grounds),
        ]
        for agency, row in found.items()
    ]
    return [
        {
            "id": "yeu-cau-cung-cap-thong-tin",
            "caption": _("Yêu cầu cung cấp thông tin"),
            "columns": columns,
            "rows": rows,
        }
    ]


@hooks.register(ERASURE_HOOK)
def erase_requesters(now, retention):
    return personal_data.erase_expired(now, retention)


@hooks.register(CODES_HOOK)
def requester_by_code(code, user):
    """A requester's data, exported or erased by the request's code, by its agency's desk."""
    if codes.normalise(code, prefixes=(codes.INFORMATION_REQUEST,)) is None:
        return None

    def found():
        request = tracking.find(code)
        if user is not None and not may_handle(user, request):
            raise Http404(_("Không tìm thấy yêu cầu có mã %(code)s.") % {"code": request.code})
        return request

    return (lambda: personal_data.export(found())), (lambda: personal_data.erase(found()))


@hooks.register(COMPLIANCE_HOOK)
def compliance_figures():
    """Each agency's requests for information, and how many were answered late or are overdue,
    on the disclosure compliance dashboard."""

    def late(site):
        row = figures.of_site(site)
        return row["answered_late"] + row["open_overdue"]

    return [
        (
            "requests",
            _("Yêu cầu cung cấp thông tin"),
            lambda site: figures.of_site(site)["received"],
        ),
        ("requests_late", _("Yêu cầu trả lời quá hạn"), late),
    ]
