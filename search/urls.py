from django.urls import path

from .views import search_page

urlpatterns = [
    path("tim-kiem/", search_page, name="search"),
    path("search/", search_page, name="search_en"),
]
