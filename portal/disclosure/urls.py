from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("tiep-can-thong-tin/", views.section, name="section"),
    path("tiep-can-thong-tin/danh-gia/", views.compliance, name="compliance"),
]
