"""What the public may see: the single rule every endpoint, feed and the sitemap apply.

A page is visible when it is live, has no view restriction on itself or an ancestor, is not
scheduled to go live in the future and has not expired. Visibility never depends on who asks:
API responses are cached publicly, so a signed-in editor sees exactly what a citizen sees.
"""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page


def visible(queryset=None):
    """Filter a page queryset (any page type) down to what the public may see."""
    queryset = Page.objects.all() if queryset is None else queryset
    now = timezone.now()
    # A subquery on the primary key, so the result can still be searched (Wagtail's search
    # backends only filter on indexed fields, and the schedule fields are not).
    out_of_schedule = Page.objects.filter(Q(go_live_at__gt=now) | Q(expire_at__lte=now))
    return queryset.live().public().exclude(pk__in=out_of_schedule.values("pk"))


def is_visible(page):
    return visible(Page.objects.filter(pk=page.pk)).exists()
