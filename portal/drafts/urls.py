from django.urls import path

from . import views

app_name = "drafts"

urlpatterns = [
    path("gop-y-du-thao/<int:page_id>/", views.comment, name="comment"),
]
