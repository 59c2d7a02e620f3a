"""The maintenance notices a site shows now, remembered per site until content or the clock
(a notice's end is part of the content version) changes them."""

from django.utils import timezone

from portal.core import content_cache
from portal.core.sites import request_site

from .models import MaintenanceNotice


def notices_for(request):
    site = request_site(request)

    def gather():
        notices = MaintenanceNotice.objects.not_ended().for_site(site)
        return list(notices.order_by("starts_at"))

    key = ("maintenance_notices", site.pk if site else None)
    now = timezone.now()
    return [notice for notice in content_cache.remembered(key, gather) if notice.ends_at > now]
