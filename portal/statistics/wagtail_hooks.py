from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from portal.api.catalog import HOOK as DATASETS_HOOK
from portal.api.catalog import dataset
from portal.core.models import ContentEvent
from portal.core.services import HOOK as SERVICES_HOOK
from portal.core.services import service
from portal.disclosure.sources import HOOK as DISCLOSURE_HOOK
from portal.disclosure.sources import published

from .models import Agency


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


@hooks.register(DISCLOSURE_HOOK)
def disclosed_statistics(request, site):
    # The last import of processing figures (each records an event per agency it changed).
    kind = f"{Agency._meta.app_label}.{Agency._meta.model_name}"
    latest = ContentEvent.objects.filter(kind=kind).aggregate(latest=Max("timestamp"))["latest"]
    if latest is None:
        return []
    return [published("statistics", reverse("statistics:dashboard"), latest)]
