"""Public pages, under the language prefix (Vietnamese at the root)."""

from django.urls import path

from . import views

app_name = "information_requests"

urlpatterns = [
    path("yeu-cau-cung-cap-thong-tin/", views.register, name="register"),
    path("yeu-cau-cung-cap-thong-tin/gui/", views.ask, name="ask"),
    path("yeu-cau-cung-cap-thong-tin/tra-cuu/", views.lookup, name="lookup"),
    path(
        "yeu-cau-cung-cap-thong-tin/tep/<int:pk>/",
        views.published_attachment,
        name="published_attachment",
    ),
    path("yeu-cau-cung-cap-thong-tin/<str:code>/", views.track, name="track"),
    path(
        "yeu-cau-cung-cap-thong-tin/<str:code>/tep/<int:pk>/",
        views.attachment,
        name="attachment",
    ),
]
