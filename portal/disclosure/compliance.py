"""How complete each agency's disclosure is (Decree 224/2026/NĐ-CP Art. 12: automated
measurement of completeness and timeliness): for every site, which mandatory items it
publishes, which it does not, when it last changed any, how many items hold pieces published
later than their deadline, and its pages' satisfaction ratings (Art. 10(3)(b)). Computed from
the content, like the section itself."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from portal.core.models import AgencySettings
from portal.engagement.ratings import rating_counts

from .sources import items_for

COLUMNS = {
    "agency": _("Cơ quan"),
    "completeness": _("Mức đầy đủ (%)"),
    "published": _("Đã công bố"),
    "missing": _("Chưa công bố"),
    "updated": _("Cập nhật gần nhất"),
    "late": _("Mục quá hạn"),
    "helpful": _("Đánh giá hữu ích"),
    "unhelpful": _("Đánh giá chưa hữu ích"),
}


def agency_rows(request, sort="completeness", descending=False):
    rows = []
    for site in Site.objects.order_by("-is_default_site", "site_name", "hostname"):
        items = items_for(site, request)
        published = [item for item in items if item["url"]]
        missing = [item for item in items if not item["url"]]
        updates = [item["updated"] for item in published if item["updated"] is not None]
        ratings = rating_counts(site)
        rows.append(
            {
                "agency": AgencySettings.for_site(site).name_for("vi") or site.site_name,
                "url": f"{site.root_url}/tiep-can-thong-tin/",
                "national": site.is_default_site,
                "completeness": round(100 * len(published) / len(items)) if items else 0,
                "published": len(published),
                "missing": len(missing),
                "missing_items": [item["title"] for item in missing],
                "updated": max(updates, default=None),
                "late": sum(1 for item in published if item["late"]),
                "late_items": [item["title"] for item in published if item["late"]],
                "helpful": ratings["helpful"],
                "unhelpful": ratings["unhelpful"],
            }
        )
    sort = sort if sort in COLUMNS else "completeness"
    rows.sort(key=lambda row: _sort_key(row[sort]), reverse=descending)
    return rows


def _sort_key(value):
    """A never-updated agency (None) sorts before every date."""
    return (value is not None, value if value is not None else 0)
