"""The redirect a result link goes through: one insert, then the result's page (the insert is
left out when the database refuses it: the visitor still gets there)."""

import logging

from django.core import signing
from django.db import DatabaseError, transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import CLICK_SALT
from .models import QueryLog, ResultClick

logger = logging.getLogger(__name__)


@never_cache
def chosen_result(request):
    try:
        log_id, position, url = signing.loads(request.GET.get("r", ""), salt=CLICK_SALT)
    except (signing.BadSignature, ValueError):
        return HttpResponseBadRequest(_("Liên kết không hợp lệ."))
    try:
        with transaction.atomic():
            if QueryLog.objects.filter(pk=log_id).exists():  # the log may have been purged since
                ResultClick.objects.create(search_id=log_id, position=position, url=url[:500])
    except DatabaseError as error:
        logger.warning("search analytics: a click was not logged (%s)", type(error).__name__)
    return HttpResponseRedirect(url)
