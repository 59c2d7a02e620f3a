"""Public pages of the engagement app, under the language prefix (Vietnamese at the root)."""

from django.urls import path

from . import comments, exchanges, views

app_name = "engagement"

urlpatterns = [
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("phan-anh-kien-nghi/", views.report, name="report"),
    path("phan-anh-kien-nghi/da-giai-quyet/", views.resolved_reports, name="resolved"),
    path("tra-cuu-ho-so/", views.lookup, name="lookup"),
    path("tra-cuu-ho-so/<str:code>/", views.track, name="track"),
    path("danh-gia/<int:page_id>/", views.rate, name="rate"),
    path("binh-luan/<int:page_id>/", comments.comment, name="comment"),
    path(
        "giao-luu-truc-tuyen/<int:page_id>/tra-loi.json",
        exchanges.answers_feed,
        name="exchange_answers",
    ),
]
