"""Production-safe settings. Everything that differs between machines comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url

from portal.core.email_url import parse_email_url
from portal.core.error_reports import start_error_reports
from portal.core.public_url import PublicBaseURL
from portal.core.security_headers import PUBLIC_POLICY

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.accounts",
    "portal.legal",
    "portal.procedures",
    "portal.news",
    "portal.topics",
    "portal.engagement",
    "portal.information_requests",
    "portal.statistics",
    "portal.alerts",
    "portal.notices",
    "portal.changes",
    "portal.disclosure",
    "portal.organisation",
    "portal.drafts",
    "portal.api",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Serves the API docs' Swagger UI from our static files instead of a CDN.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # /healthz and /readyz, answered before host validation and HTTPS redirect.
    "portal.core.health.HealthCheckMiddleware",
    "portal.core.logging.RequestContextMiddleware",
    "portal.core.public_url.PublicURLMiddleware",
    # A host that names no agency's site: 400 under STRICT_SITE_HOSTS (portal/core/sites.py).
    "portal.core.sites.SiteHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.core.security_headers.PortalCSPMiddleware",
    "portal.core.security_headers.PermissionsPolicyMiddleware",
    "portal.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One read of the content version per request for the values kept until content changes.
    "portal.core.content_cache.ContentVersionMiddleware",
    # The request's site from the sites remembered for that version (portal/core/site_lookup.py).
    "portal.core.site_lookup.RequestSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.core.logging.UserIdMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in with its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

THEME = os.environ.get("PORTAL_THEME", "default")
THEME_DIR = BASE_DIR / "themes" / THEME

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [THEME_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.context_processors.agency",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves web workers and background tasks at once: with a write-ahead
    # log readers never wait for a writer, and a commit (a rate-limit count in the database
    # cache, on every search) costs no disk flush: 12 ms less per search request. Writers take
    # turns: a transaction takes the write lock when it begins (IMMEDIATE), so two never
    # deadlock upgrading from reading to writing (SQLite refuses one at once, "database is
    # locked"), and a writer waits for the lock up to SQLITE_BUSY_TIMEOUT seconds; imports
    # commit often (portal/core/importing/runner.py) so nobody waits long.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "30")),
    }
# Menus, settings, header and footer fragments kept in each process until public content changes
# (portal/core/content_cache.py).
CONTENT_CACHE = os.environ.get("CONTENT_CACHE", "1") == "1"
# Whole-page cache for anonymous visitors, in seconds (0: off), keyed by the content version so a
# change is served at once (portal/core/page_cache.py): it can be long. Off under DEBUG and
# without CONTENT_CACHE. Use with REDIS_URL when several app servers run, so they share it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_ALIAS = "default"
# Pages of the current content version each process also keeps in memory, in front of the cache.
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", "500"))
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.core.public_url.PublicURLMiddleware") + 1,
    "portal.core.page_cache.PageCacheMiddleware",
)
# A front proxy or CDN purged by URL when content changes (portal/core/frontend_cache.py):
# Varnish or any cache that accepts PURGE (FRONTEND_CACHE_PURGE_URL), Cloudflare
# (CLOUDFLARE_ZONE_ID + CLOUDFLARE_API_TOKEN) or CloudFront (CLOUDFRONT_DISTRIBUTION_ID, with
# boto3 and AWS credentials from the environment). Pages tell it to keep them
# FRONTEND_CACHE_SECONDS (s-maxage) when one is configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Page URLs are purged as they are: no per-language rewriting of the path.
WAGTAILFRONTENDCACHE_LANGUAGES = []
FRONTEND_CACHE_SECONDS = (
    int(os.environ.get("FRONTEND_CACHE_SECONDS", "3600")) if WAGTAILFRONTENDCACHE else 0
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every app process shares (rate limits, page cache): Redis when REDIS_URL is set, else
# a table in the database (created by `migrate`), never a per-process cache in production.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            # Room for the page cache beside the rate-limit counters (Django's default is 300;
            # past the bound a third of the entries, counters included, would be dropped).
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# --- Admin sign-in (portal/accounts) ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}", "OPTIONS": options}
    for name, options in (
        ("UserAttributeSimilarityValidator", {}),
        ("MinimumLengthValidator", {"min_length": 12}),
        ("CommonPasswordValidator", {}),
        ("NumericPasswordValidator", {}),
    )
]
# Lockout after AXES_FAILURE_LIMIT failed sign-ins of one account from one address, for
# AXES_COOLOFF_MINUTES: an attacker locks neither the account's owner elsewhere nor a whole office
# behind one address. The owner can unlock by email (portal/accounts/unlocking.py);
# administrators see and lift lockouts under Settings.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Mails to one account: password-reset links and unlock links, each at most this often.
ACCOUNT_MAIL_RATE = os.environ.get("ACCOUNT_MAIL_RATE", "3/h")
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.accounts.forms.LimitedPasswordResetForm"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.accounts.axes_hooks.client_address"
AXES_CLIENT_STR_CALLABLE = "portal.accounts.axes_hooks.client_description"
AXES_LOCKOUT_CALLABLE = "portal.accounts.axes_hooks.locked_out"
# Two-factor authentication (TOTP app, recovery codes): required of every admin user when on;
# a user who has set it up always verifies.
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "0") == "1"
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng thông tin điện tử")
# Admin sessions end after this many seconds without a request (default 2 hours) and when the
# browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(2 * 3600)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# --- end admin sign-in ---

# Vietnamese first, English second: `/` serves Vietnamese, `/en/` English.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [THEME_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Documents are kept outside MEDIA_ROOT and served by the application only (a document of a
# login-restricted collection must not be at a guessable /media/ path): portal/core/storage.py.
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", VAR_DIR / "documents"))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Behind nginx: the proxy sends the document from this internal location (X-Accel-Redirect).
DOCUMENTS_ACCEL_URL = os.environ.get("DOCUMENTS_ACCEL_URL", "")
if DOCUMENTS_ACCEL_URL:
    SENDFILE_BACKEND = "portal.core.storage"
STORAGES = {
    "default": {"BACKEND": "portal.core.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử"
# The public address absolute URLs begin with (sitemap, feeds, API, print): see
# portal/core/public_url.py. Empty: the Wagtail site's hostname, or the address requested.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", PUBLIC_URL or "http://127.0.0.1:8000"
)
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# The portal's search engine (search/): Elasticsearch when its URL is set, else embedded tantivy.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal")
# Applied when an index is created (a rebuild makes one). One replica keeps search up while a node
# is down; a single-node cluster needs 0, else its indices stay yellow.
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "1"))
# Seconds a request may take, and how long a cluster that failed to answer is left alone.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "3"))
ELASTICSEARCH_BREAKER_SECONDS = float(os.environ.get("ELASTICSEARCH_BREAKER_SECONDS", "30"))
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "search-index"))


# Wagtail's own search (the admin's pages, snippets, images, documents): on the same cluster when
# there is one, its text folded as citizens' search folds it ("cap phep" finds "Cấp phép"); else
# on the database.
FOLDED = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}


def wagtail_search_backend(url, prefix):
    if not url:
        return {"BACKEND": "wagtail.search.backends.database"}
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [host.strip() for host in url.split(",") if host.strip()],
        "INDEX_PREFIX": f"{prefix}-wagtail-",
        "TIMEOUT": ELASTICSEARCH_TIMEOUT,
        "INDEX_SETTINGS": {
            "settings": {
                "index": {
                    "number_of_shards": ELASTICSEARCH_SHARDS,
                    "number_of_replicas": ELASTICSEARCH_REPLICAS,
                },
                # Both names: Wagtail searches its partial-match fields with `standard`.
                "analysis": {"analyzer": {"default": FOLDED, "standard": FOLDED}},
            }
        },
    }


WAGTAILSEARCH_BACKENDS = {
    "default": wagtail_search_backend(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)
}

# --- Email (portal/core/mail.py): EMAIL_URL chooses how mail is delivered (see
# portal/core/email_url.py); every message is sent by a background task, never in a request.
# Without EMAIL_URL nothing is sent, and /readyz says so.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
_email = parse_email_url(EMAIL_URL) if EMAIL_URL else {}
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
globals().update(_email)
EMAIL_BACKEND = "portal.core.mail.BackgroundEmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"noreply@{ALLOWED_HOSTS[0] if ALLOWED_HOSTS else 'localhost'}"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# --- end email ---

# Index updates run as background tasks so a slow or absent search engine never blocks publishing.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /readyz fails when no worker has been seen for this many seconds while tasks wait that long,
# or when a content-event consumer's first unread event is older than READYZ_CONSUMER_LAG.
READYZ_WORKER_SILENCE = int(os.environ.get("READYZ_WORKER_SILENCE", "300"))
READYZ_CONSUMER_LAG = int(os.environ.get("READYZ_CONSUMER_LAG", "600"))

# --- Headless API (portal/api) ---
INSTALLED_APPS += ["wagtail.api.v2", "rest_framework", "wagtail.contrib.sitemaps", "corsheaders"]
# CORS answers first (preflights included); caching headers are added to the view's response.
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.core.health.HealthCheckMiddleware") + 1,
    "corsheaders.middleware.CorsMiddleware",
)
MIDDLEWARE.append("portal.api.caching.ApiCacheMiddleware")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
API_SEARCH_RATE = os.environ.get("API_SEARCH_RATE", "60/min")
# Autocomplete asks several times a query: its own limit, per client address as well.
API_SUGGEST_RATE = os.environ.get("API_SUGGEST_RATE", "600/min")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))
# Behind N reverse proxies, rate limits take the client address from X-Forwarded-For.
NINJA_NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = PublicBaseURL()
# --- end headless API ---

# --- Security headers and HTTPS (portal/core/security_headers.py has the policies) ---
# Behind the reverse proxy, X-Forwarded-Proto says whether the client used HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# Load balancers probe these over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
# Wagtail's page preview overrides this to SAMEORIGIN for its own frame.
X_FRAME_OPTIONS = "DENY"
# The public pages' policy; /admin/ gets ADMIN_POLICY from the middleware.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_POLICY}
# --- end security headers ---

# One JSON object per line on stdout (portal/core/logging.py): request id, user id, no personal
# data. Wagtail's audit lines (published, unpublished, moved …) are kept at INFO; the task
# runner's per-task lines are not. LOG_FORMAT=plain for lines people read.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portal.core.logging.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Routine lines of the task runner and of django-axes (its start-up banner, each sign-in);
    # lockouts are warnings and stay.
    # elastic_transport logs every request at INFO: only its warnings (a node down) are news.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("django_tasks", "django_tasks_db", "axes", "elastic_transport")
    },
}

# Error reports to a Sentry-compatible service when SENTRY_DSN is set (SENTRY_ENVIRONMENT).
start_error_reports(os.environ)

# Image uploads (news app): refuse files over 10 MB or 40 megapixels with a message. Pillow's
# decompression-bomb limit is set to the same pixel count in `portal.news.apps`.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Wrong passwords of a password-protected page, per address and page restriction.
PAGE_PASSWORD_RATE = os.environ.get("PAGE_PASSWORD_RATE", "10/h")

# --- Citizens' questions, reports and ratings (portal/engagement) ---
ENGAGEMENT_CAPTCHA = os.environ.get("ENGAGEMENT_CAPTCHA", "on")
ENGAGEMENT_API_KEYS = [k for k in os.environ.get("ENGAGEMENT_API_KEYS", "").split(",") if k]
ENGAGEMENT_SUBMIT_RATE = os.environ.get("ENGAGEMENT_SUBMIT_RATE", "10/h")
ENGAGEMENT_REPORT_WORKING_DAYS = int(os.environ.get("ENGAGEMENT_REPORT_WORKING_DAYS", "10"))
# Days after a submission is closed (or, still open, after it was sent) that personal data is
# kept; `manage.py erase_personal_data` erases it afterwards and keeps the counts.
ENGAGEMENT_RETENTION_DAYS = {
    "question": int(os.environ.get("ENGAGEMENT_RETENTION_QUESTION_DAYS", "730")),
    "report": int(os.environ.get("ENGAGEMENT_RETENTION_REPORT_DAYS", "1095")),
}

# --- Many agencies, one install (portal/core/sites.py) ---
# A request for a host that is no agency's site: 400 (production) instead of the ministry's site.
STRICT_SITE_HOSTS = os.environ.get("STRICT_SITE_HOSTS", "true").lower() in ("1", "true", "yes")

# --- Email alerts (portal/alerts) ---
# Messages the outbox sends per minute across all workers; subscription requests per address
# and per email address (each "N/h"), before a 429.
ALERTS_SEND_RATE = int(os.environ.get("ALERTS_SEND_RATE", "600"))
ALERTS_SUBSCRIBE_RATE = os.environ.get("ALERTS_SUBSCRIBE_RATE", "10/h")
