from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", ".localhost"]  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# Any host (127.0.0.1, a LAN address) is the ministry's site during development.
STRICT_SITE_HOSTS = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if not EMAIL_URL:  # noqa: F405
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files straight from the theme folders; production serves the collected, hashed copy.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Plain console lines for people, without each save's audit lines; production writes JSON.
LOGGING["handlers"]["console"]["formatter"] = "plain"  # noqa: F405
# On stderr, as Django's default: commands that print data (export_content without -o) keep stdout.
LOGGING["handlers"]["console"]["stream"] = "ext://sys.stderr"  # noqa: F405
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405
