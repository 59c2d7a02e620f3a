"""How complete each agency's disclosure is (Decree 224/2026/NĐ-CP Art. 12: automated
measurement of completeness and timeliness): for every site, which mandatory items it
publishes, which it does not, when it last changed any, how many items hold pieces published
later than their deadline, and its pages' satisfaction ratings (Art. 10(3)(b)). Computed from
the content, like the section itself."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Site

from portal.core.models import AgencySettings
from portal.engagement.ratings import rating_counts

from .sources import items_for

# An app with figures an agency is judged by (requests for information) registers a function of
# no argument returning [(key, title, function of a site returning the figure)].
FIGURES_HOOK = "register_compliance_figures"

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


def contributed():
    return [column for columns in hooks.get_hooks(FIGURES_HOOK) for column in columns()]


def column_titles():
    """{key: title} of every column: the disclosure's own, then the apps' figures."""
    return {**COLUMNS, **{key: title for key, title, _figure in contributed()}}


def agency_rows(request, sort="completeness", descending=False):
    figures = contributed()
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
        shown = [(key, title, figure(site)) for key, title, figure in figures]
        rows[-1].update({key: value for key, _title, value in shown})
        rows[-1]["figures"] = [(title, value) for _key, title, value in shown]
    sort = sort if sort in column_titles() else "completeness"
    rows.sort(key=lambda row: _sort_key(row[sort]), reverse=descending)
    return rows


def _sort_key(value):
    """A never-updated agency (None) sorts before every date."""
    return (value is not None, value if value is not None else 0)
