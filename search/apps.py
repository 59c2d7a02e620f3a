from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from portal.core import page_cache

        from . import freshness
        from .signal_handlers import connect

        connect()
        page_cache.register_follower(freshness.is_search_page, freshness.index_version)
