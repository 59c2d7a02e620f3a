"""The redirect a result link goes through: one insert, then the result's page."""

from django.core import signing
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import CLICK_SALT
from .models import QueryLog, ResultClick


@never_cache
def chosen_result(request):
    try:
        log_id, position, url = signing.loads(request.GET.get("r", ""), salt=CLICK_SALT)
    except (signing.BadSignature, ValueError):
        return HttpResponseBadRequest(_("Liên kết không hợp lệ."))
    if QueryLog.objects.filter(pk=log_id).exists():  # the log may have been purged since
        ResultClick.objects.create(search_id=log_id, position=position, url=url[:500])
    return HttpResponseRedirect(url)
