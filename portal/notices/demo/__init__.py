"""Demo: one planned maintenance of every site, announced the required 7 working days ahead
(plus a margin), so the banner shows on every page."""

import datetime

from django.utils import timezone

from ..models import MaintenanceNotice, earliest_start

MARGIN = datetime.timedelta(days=3)


def load():
    if MaintenanceNotice.objects.not_ended().exists():
        return "0 maintenance notices"
    day = earliest_start() + MARGIN
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(22)))
    notice = MaintenanceNotice(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=4),
        message="Cổng thông tin tạm dừng để nâng cấp hệ thống máy chủ.",
        services_kept="Tra cứu hồ sơ thủ tục hành chính và dịch vụ công trực tuyến "
        "trên Cổng Dịch vụ công quốc gia.",
    )
    notice.full_clean()
    notice.save()
    return "1 maintenance notice"
