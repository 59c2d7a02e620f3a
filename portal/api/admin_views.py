"""The admin side of headless preview: a page showing a fresh preview link for a page's draft."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from wagtail.models import Page

from .preview import PREVIEW_URL, make_token


def headless_preview(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_token(page)
    url = request.build_absolute_uri(PREVIEW_URL) + "?" + urlencode({"token": token})
    return TemplateResponse(
        request,
        "portal_api/headless_preview.html",
        {
            "page": page,
            "token": token,
            "preview_url": url,
            "max_age_minutes": settings.HEADLESS_PREVIEW_MAX_AGE // 60,
        },
    )
