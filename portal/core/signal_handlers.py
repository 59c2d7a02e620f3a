from django.conf import settings
from django.core.management import call_command


def create_cache_table(using="default", **kwargs):
    """`migrate` creates the database cache's table when the database is the shared cache."""
    if any(cache["BACKEND"].endswith("DatabaseCache") for cache in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)
