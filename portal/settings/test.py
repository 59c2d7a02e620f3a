import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test process gets its own media and index folders, removed with the temp dir.
_TMP = Path(tempfile.mkdtemp(prefix="portal-test-"))
MEDIA_ROOT = _TMP / "media"
DOCUMENTS_ROOT = _TMP / "documents"
SEARCH_INDEX_DIR = _TMP / "search-index"
ALLOWED_HOSTS = ["*"]
# The search rate limit has its own tests (tests/api/test_throttling.py, which set a low rate);
# every other suite calls the search API freely.
API_SEARCH_RATE = "100000/min"
API_SUGGEST_RATE = "100000/min"
# One process per test run: a process-local cache counts rate limits exactly.
SILENCED_SYSTEM_CHECKS = ["portal.W001"]
# Submissions: no challenge (its own tests turn it on) and no practical rate limit.
ENGAGEMENT_CAPTCHA = "off"
ENGAGEMENT_SUBMIT_RATE = "100000/h"
ENGAGEMENT_LOOKUP_RATE = "100000/h"
ALERTS_SUBSCRIBE_RATE = "100000/h"
# Tests build content with factories, outside the publishing path that moves the content version;
# the tests of speed and freshness turn the per-process cache on (fixture `content_cache`).
CONTENT_CACHE = False
