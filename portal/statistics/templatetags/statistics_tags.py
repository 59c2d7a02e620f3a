"""`{% processing_badge page %}`: on a procedure page, how its dossiers were handled over the
last twelve months with records ("98,5% hồ sơ đúng hạn trong 12 tháng qua (1.602 hồ sơ)"),
linking to its figures on the dashboard; nothing when it has no resolved dossiers."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.content_cache import remembered

from ..formatting import number, rate
from ..query import add_months, answer, build, latest_month

register = template.Library()


@register.simple_tag
def processing_badge(page):
    code = getattr(page, "code", "")
    if not code:
        return ""
    # Imports of processing records write to the content event log, which moves the version.
    if code not in remembered(("processing_codes",), _codes_with_records):
        return ""
    return remembered(("processing_badge", code, get_language()), lambda: _badge(code))


def _codes_with_records():
    from ..models import ProcedureRef

    return frozenset(ProcedureRef.objects.values_list("code", flat=True))


def _badge(code):
    end = latest_month()
    result = answer(build(procedure=code, start=add_months(end, -11), end=end))
    totals, on_time = result["totals"], result["indicators"]["on_time_rate"]
    if on_time is None:
        return ""
    resolved = totals["resolved_on_time"] + totals["resolved_late"]
    text = _("%(rate)s hồ sơ đúng hạn trong 12 tháng qua (%(count)s hồ sơ)") % {
        "rate": rate(on_time),
        "count": number(resolved),
    }
    url = f"{reverse('statistics:dashboard')}?procedure={code}"
    return format_html('<p class="processing-badge"><a href="{}">{}</a></p>', url, text)
