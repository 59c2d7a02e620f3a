"""Settings of the portal process the browser tests start: the test settings' safety (no debug
pages, so the real 404 and 500 templates are served) with the database, media and index in the
temporary folder the tests give through the environment."""

import os
from pathlib import Path

from portal.settings.dev import *  # noqa: F403

DEBUG = False
# *.localhost: the demo's provincial sites (hanoi.localhost, danang.localhost).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
SEARCH_INDEX_DIR = Path(os.environ["SEARCH_INDEX_DIR"])
ROOT_URLCONF = "tests.browser.urls"
