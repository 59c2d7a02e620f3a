from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from portal.api.catalog import HOOK as DATASETS_HOOK
from portal.api.catalog import dataset
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


@hooks.register(DATASETS_HOOK)
def open_datasets(request):
    return [
        dataset(
            "statistics",
            _("Thống kê giải quyết hồ sơ"),
            _(
                "Số hồ sơ tiếp nhận, giải quyết đúng hạn, quá hạn và trực tuyến theo tháng, "
                "cơ quan, lĩnh vực và thủ tục."
            ),
            [_("thống kê"), _("hồ sơ")],
            "/api/statistics/",
        )
    ]
