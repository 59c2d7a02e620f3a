from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from portal.core.services import HOOK as SERVICES_HOOK
from portal.core.services import service


@hooks.register(SERVICES_HOOK)
def statistics_service(request):
    return [
        service(
            "statistics",
            _("Thống kê giải quyết hồ sơ"),
            _("Số hồ sơ tiếp nhận, giải quyết đúng hạn, quá hạn của từng cơ quan."),
            reverse("statistics:dashboard"),
            40,
        )
    ]
