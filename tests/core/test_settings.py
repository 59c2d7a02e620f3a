"""Settings come from the environment; each case starts a fresh interpreter with its own env."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST'), "
    "'index': str(settings.SEARCH_INDEX_DIR), 'media': str(settings.MEDIA_ROOT), "
    "'hosts': settings.ALLOWED_HOSTS, 'es': settings.ELASTICSEARCH_URL, "
    "'cors': settings.CORS_ALLOWED_ORIGINS, 'debug': settings.DEBUG, "
    "'language': settings.LANGUAGE_CODE, 'i18n': settings.WAGTAIL_I18N_ENABLED}))"
)
VARIABLES = (
    "DATABASE_URL",
    "DJANGO_SECRET_KEY",
    "ALLOWED_HOSTS",
    "SEARCH_INDEX_DIR",
    "MEDIA_ROOT",
    "ELASTICSEARCH_URL",
    "CORS_ALLOWED_ORIGINS",
    "REDIS_URL",
)


def run_settings(module, **env):
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_of(module, **env):
    result = run_settings(module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_are_embedded_sqlite_and_folders_under_var():
    values = settings_of("portal.settings.dev")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(REPO / "var" / "db.sqlite3")
    assert values["index"] == str(REPO / "var" / "search-index")
    assert values["media"] == str(REPO / "var" / "media")
    assert values["es"] == ""
    assert values["language"] == "vi" and values["i18n"] is True


def test_database_search_and_media_come_from_the_environment(tmp_path):
    values = settings_of(
        "portal.settings.dev",
        DATABASE_URL="postgres://portal@db.example:5432/portal",
        SEARCH_INDEX_DIR=str(tmp_path / "index"),
        MEDIA_ROOT=str(tmp_path / "media"),
        ELASTICSEARCH_URL="http://es.example:9200",
        CORS_ALLOWED_ORIGINS="https://a.example, https://b.example",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["host"], values["name"]) == ("db.example", "portal")
    assert values["index"] == str(tmp_path / "index")
    assert values["media"] == str(tmp_path / "media")
    assert values["es"] == "http://es.example:9200"
    assert values["cors"] == ["https://a.example", "https://b.example"]


def test_base_settings_are_safe_for_production():
    assert settings_of("portal.settings.base")["debug"] is False


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = run_settings("portal.settings.production", DATABASE_URL="postgres://x@y/z")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_what_it_needs():
    values = settings_of(
        "portal.settings.production",
        DJANGO_SECRET_KEY="s3cret-for-test",
        DATABASE_URL="postgres://portal@db.example/portal",
        ALLOWED_HOSTS="portal.gov.vn,www.portal.gov.vn",
    )
    assert values["hosts"] == ["portal.gov.vn", "www.portal.gov.vn"]
    assert values["debug"] is False


PRINT_CACHE = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.CACHES['default']['BACKEND'])"
)
PRODUCTION = {
    "DJANGO_SECRET_KEY": "s3cret-for-test-" + "x" * 40,
    "DATABASE_URL": "postgres://portal@db.example/portal",
    "ALLOWED_HOSTS": "portal.gov.vn",
    "REDIS_URL": "",
}


def test_production_shares_one_cache_between_processes_without_redis():
    result = subprocess.run(
        [sys.executable, "-c", PRINT_CACHE],
        cwd=REPO,
        env={**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "portal.settings.production"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache", result.stderr


def test_a_process_local_cache_in_production_is_a_loud_warning(settings):
    from portal.core.checks import shared_cache

    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    warnings = shared_cache(None)

    assert [warning.id for warning in warnings] == ["portal.W001"]
    assert "REDIS_URL" in warnings[0].hint


def test_redis_or_the_database_cache_raise_no_warning(settings):
    from portal.core.checks import shared_cache

    settings.DEBUG = False
    for backend in ("redis.RedisCache", "db.DatabaseCache"):
        settings.CACHES = {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}
        assert shared_cache(None) == []
