import re

from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STATIC = {
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    },
    "WHITENOISE_USE_FINDERS": False,
    "WHITENOISE_AUTOREFRESH": False,
}


def test_collected_static_files_have_hashed_names_and_far_future_caching(tmp_path, db):
    with override_settings(STATIC_ROOT=tmp_path, **PRODUCTION_STATIC):
        call_command("collectstatic", "--noinput", verbosity=0)
        from portal.core.site_structure import ensure_home

        ensure_home("vi")
        client = Client()
        html = client.get("/").text
        css_url = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html).group(1)
        js_url = re.search(r'src="(/static/js/portal\.[0-9a-f]{12}\.js)"', html).group(1)
        css = client.get(css_url, HTTP_ACCEPT_ENCODING="gzip")
        assert css.status_code == 200
        assert "immutable" in css["Cache-Control"] and "max-age=315360000" in css["Cache-Control"]
        assert css["Content-Encoding"] == "gzip"
        assert client.get(js_url)["Cache-Control"].startswith("max-age=315360000")
    assert (tmp_path / "staticfiles.json").exists()
