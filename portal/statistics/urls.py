from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [path("thong-ke/", views.dashboard, name="dashboard")]
