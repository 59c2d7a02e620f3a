from django.urls import path

from .analytics.clicks import chosen_result
from .views import search_page

urlpatterns = [
    path("tim-kiem/", search_page, name="search"),
    path("search/", search_page, name="search_en"),
    path("tim-kiem/chon/", chosen_result, name="search_click"),
]
