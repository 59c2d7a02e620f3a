"""The portal's URLs plus uploaded media, which production serves from its web server, and an
address that fails, for the 500 page."""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns


def server_error(request):
    raise RuntimeError("the browser tests' 500 page")


urlpatterns = [
    path("_test/server-error/", server_error),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
