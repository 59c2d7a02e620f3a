from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("tiep-can-thong-tin/", views.section, name="section"),
    # The English address (DESIGN §8); /en/tiep-can-thong-tin/ keeps answering too.
    path("access-to-information/", views.section, name="section_en"),
    path("tiep-can-thong-tin/danh-gia/", views.compliance, name="compliance"),
]
