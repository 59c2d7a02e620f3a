from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.accounts import unlocking
from portal.core.views import authenticate_with_password, site_theme_css

handler500 = "portal.core.views.server_error"

urlpatterns = [
    path("", include("portal.api.urls")),
    # Before the admin's own URLs, which all require a signed-in user.
    path("admin/unlock/", unlocking.request_unlock, name="account_unlock_request"),
    path("admin/unlock/<str:token>/", unlocking.unlock, name="account_unlock"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("site-theme.css", site_theme_css, name="site_theme_css"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese pages at the root, English under /en/; Wagtail serves whatever is not matched above.
urlpatterns += i18n_patterns(
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include("search.urls")),
    path("", include("portal.engagement.urls")),
    path("", include("portal.information_requests.urls")),
    path("", include("portal.statistics.urls")),
    path("", include("portal.alerts.urls")),
    path("", include("portal.disclosure.urls")),
    path("", include("portal.drafts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
