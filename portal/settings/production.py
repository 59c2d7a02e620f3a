import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

_missing = [
    name
    for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")
    if not os.environ.get(name)
]
if _missing:
    raise ImproperlyConfigured(
        f"Production settings need these environment variables: {', '.join(_missing)}"
    )
