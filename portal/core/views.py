"""Public views of the core app that wrap Wagtail's own."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from wagtail import views as wagtail_views
from wagtail.models import Page

from . import rate_limits
from .models import AgencySettings
from .sites import request_site


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for private pages; a return address it would refuse (another
    site, a script) is replaced by the page itself, where Wagtail sent the visitor to
    LOGIN_REDIRECT_URL, a 404 on this site."""
    page = get_object_or_404(Page, id=page_id)
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wrong guesses are counted per address and restriction (PAGE_PASSWORD_RATE); past the
    # limit the form is not even checked until the window ends.
    rate = settings.PAGE_PASSWORD_RATE
    key = f"page-password:{page_view_restriction_id}:{rate_limits.client_address(request)}"
    if rate_limits.full(key, rate):
        seconds = rate_limits.seconds_left(key, rate)
        response = render(
            request, "core/page_password_throttled.html", {"seconds": seconds}, status=429
        )
        response["Retry-After"] = str(seconds)
        return response
    return_url = request.POST.get("return_url", "")
    if not url_has_allowed_host_and_scheme(return_url, request.get_host(), request.is_secure()):
        data = request.POST.copy()
        data["return_url"] = page.get_url(request)
        request.POST = data
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form again: a wrong password
        rate_limits.take(key, rate)
    return response


def site_theme_css(request):
    """/site-theme.css: the colours of the agency's site the request came to, as overrides of
    the theme's custom properties (a stylesheet, as the public Content-Security-Policy allows no
    inline style). Colours are checked for AA contrast when an administrator saves them."""
    agency = AgencySettings.for_site(request_site(request))
    declarations = "".join(f"{name}:{value};" for name, value in agency.theme_colours().items())
    response = HttpResponse(f":root{{{declarations}}}\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    patch_vary_headers(response, ["Host"])
    return response


def server_error(request):
    """The 500 answer: JSON under /api/ (a headless client parses it, whatever failed, the
    database included), the theme's error page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Internal server error"}, status=500)
    return defaults.server_error(request)
