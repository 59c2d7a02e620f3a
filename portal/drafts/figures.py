"""Figures for the statistics and compliance dashboards: per drafting agency, the drafts
published for comment and the comments received (Law 104/2016/QH13 Art. 17(1)(c))."""

from django.db.models import Count

from .listing import drafts
from .models import DraftComment


def per_agency(site=None, start=None, end=None):
    """[{"agency", "drafts", "comments"}] for the drafts public on `site` (every site when None)
    opened between the dates `start` and `end` (both optional)."""
    pages = drafts(site)
    if start:
        pages = pages.filter(opens_at__date__gte=start)
    if end:
        pages = pages.filter(opens_at__date__lte=end)
    published = dict(
        pages.order_by()  # no ordering: it would split the groups
        .values("drafting_unit__name")
        .annotate(n=Count("pk"))
        .values_list("drafting_unit__name", "n")
    )
    received = dict(
        DraftComment.objects.filter(draft__in=pages.values("pk"))
        .order_by()
        .values("draft__drafting_unit__name")
        .annotate(n=Count("pk"))
        .values_list("draft__drafting_unit__name", "n")
    )
    return [
        {"agency": name, "drafts": count, "comments": received.get(name, 0)}
        for name, count in sorted(published.items())
    ]
