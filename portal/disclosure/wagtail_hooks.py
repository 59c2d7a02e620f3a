from django.db.models import Max
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.core.models import AgencySettings
from portal.core.visibility import visible

from . import views
from .items import ITEMS
from .models import DisclosureDocumentPage, DisclosureIndexPage, item_of
from .sources import CONTACTS_ANCHOR, HOOK, late_count, published


@hooks.register(HOOK)
def contact_point(request, site):
    """The section itself names the contact point, once the agency has a phone or an email."""
    agency = AgencySettings.for_site(site) if site else None
    if agency is None or not (agency.hotline or agency.email):
        return []
    return [published("contacts", reverse("disclosure:section") + CONTACTS_ANCHOR, None)]


@hooks.register(HOOK)
def disclosure_documents(request, site):
    """Each category of the "công khai" collection published on this site, linked to its part
    of the site's collection page (recruitment and reports feed the statistics item)."""
    listing = visible(DisclosureIndexPage.objects.order_by("path"), site).first()
    if listing is None:
        return []
    documents = visible(DisclosureDocumentPage.objects.all(), site).order_by()
    latest = documents.values("category").annotate(updated=Max("last_published_at"))
    dated = documents.values_list("category", "created_on", "first_published_at")
    deadlines = {item.key: item.deadline_days for item in ITEMS}
    url = listing.get_url(request)
    return [
        published(
            item_of(row["category"]),
            f"{url}#{row['category']}",
            row["updated"],
            late_count(
                [(c, f) for category, c, f in dated if category == row["category"]],
                deadlines[item_of(row["category"])],
            ),
        )
        for row in latest
    ]


@hooks.register("register_admin_urls")
def compliance_admin_urls():
    return [path("tiep-can-thong-tin/danh-gia/", views.admin_compliance, name="disclosure_admin")]


@hooks.register("register_reports_menu_item")
def compliance_report():
    return MenuItem(
        "Đánh giá công khai thông tin", reverse("disclosure_admin"), icon_name="tasks", order=950
    )
