"""Public pages of alerts, under the language prefix (Vietnamese at the root)."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("theo-doi/", views.subscribe, name="subscribe"),
    path("theo-doi/xac-nhan/<str:token>/", views.confirm, name="confirm"),
    path("theo-doi/quan-ly/<str:token>/", views.manage, name="manage"),
    path("theo-doi/huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
