"""Settings shared by every environment; everything that differs between them comes from the environment."""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO

from alliance.core.languages import EU_LANGUAGES, EXTRA_LANG_INFO

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "alliance.core",
    "alliance.regions",
    "alliance.campaigns",
    "alliance.signatures",
    "alliance.partners",
    "alliance.submissions",
    "alliance.moderation",
    "alliance.content",
    "alliance.api",
    "alliance.widgets",
    "alliance.demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "alliance.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "alliance" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded default is SQLite under var/; DATABASE_URL switches to PostgreSQL for scale-out.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="alliance"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANG_INFO.update(EXTRA_LANG_INFO)
LANGUAGE_CODE = "en"
LANGUAGES = list(EU_LANGUAGES)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "Français"), ("de", "Deutsch")]
WAGTAIL_SITE_NAME = "#CohesionAlliance"
WAGTAILADMIN_BASE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "svg", "zip", "mp4", "webm", "docx", "odt", "txt"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin, too, makes no request to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "alliance" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# Local files by default; MEDIA_STORAGE_BACKEND names another Django storage (S3 via django-storages).
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    # Take-action uploads: private until approved, served by our own views (alliance/submissions/storage.py).
    "submissions": {
        "BACKEND": env("SUBMISSIONS_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json(
            "SUBMISSIONS_STORAGE_OPTIONS", default={"location": str(VAR_DIR / "submissions"), "base_url": None}
        ),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    # Without a mail server, every e-mail is written to a file under var/mail/.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="#CohesionAlliance <no-reply@cohesion-alliance.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

COUNTRIES_FIRST_BREAK = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Personal data at rest. Names and e-mail addresses are encrypted with keys derived from SECRET_KEY
# and SALT_KEY (django-fernet-encrypted-fields); e-mail addresses and IP addresses are compared
# through a keyed hash. docs/personal-data.md explains rotation.
SALT_KEY = env.list("FIELD_ENCRYPTION_SALTS", default=["alliance-personal-data"])
PERSONAL_DATA_HASH_KEY = env("PERSONAL_DATA_HASH_KEY", default="")

SITE_URL = WAGTAILADMIN_BASE_URL
# Unconfirmed signatures are deleted after this many days.
SIGNATURE_CONFIRMATION_DAYS = env.int("SIGNATURE_CONFIRMATION_DAYS", default=7)
# Take-action submissions the author has not confirmed within this many days are deleted with their files.
SUBMISSION_CONFIRMATION_DAYS = env.int("SUBMISSION_CONFIRMATION_DAYS", default=7)
# Limits on take-action uploads, checked by reading the file itself (alliance/submissions/media.py).
# Videos up to this many seconds (whole seconds, rounded) and bytes:
SUBMISSION_VIDEO_MAX_SECONDS = env.int("SUBMISSION_VIDEO_MAX_SECONDS", default=60)
SUBMISSION_VIDEO_MAX_BYTES = env.int("SUBMISSION_VIDEO_MAX_BYTES", default=200 * 1024 * 1024)
# Pictures up to this many bytes and pixels (a 48-megapixel phone photo passes; a decompression bomb does not):
SUBMISSION_PICTURE_MAX_BYTES = env.int("SUBMISSION_PICTURE_MAX_BYTES", default=15 * 1024 * 1024)
SUBMISSION_PICTURE_MAX_PIXELS = env.int("SUBMISSION_PICTURE_MAX_PIXELS", default=60_000_000)
# Position papers (PDF) larger than this many bytes are refused by the form.
SUBMISSION_PDF_MAX_BYTES = env.int("SUBMISSION_PDF_MAX_BYTES", default=20 * 1024 * 1024)
# Signatures of a campaign are anonymised this many days after it closes (counts and map stay right).
SIGNATURE_ANONYMISE_AFTER_DAYS = env.int("SIGNATURE_ANONYMISE_AFTER_DAYS", default=90)
# Signing again sends the e-mail again, but not more often than this to the same address.
SIGNATURE_MAIL_INTERVAL_SECONDS = env.int("SIGNATURE_MAIL_INTERVAL_SECONDS", default=60)

# Sign-form rate limits (django-ratelimit syntax: count/period). The domain limit must allow the peaks
# that large webmail providers bring when a politician shares the link.
SIGNING_RATE_PER_IP = env("SIGNING_RATE_PER_IP", default="60/h")
SIGNING_RATE_PER_EMAIL_DOMAIN = env("SIGNING_RATE_PER_EMAIL_DOMAIN", default="3000/m")

# Proof-of-work captcha: the browser tries on average half this many hashes (well under a second on a
# phone); a challenge and its solution are valid this many seconds.
CAPTCHA_MAX_NUMBER = env.int("CAPTCHA_MAX_NUMBER", default=50_000)
CAPTCHA_SECONDS = env.int("CAPTCHA_SECONDS", default=1200)

# Sites that may show the sign widget in a frame (CSP frame-ancestors sources, e.g. https://*.example.eu);
# every site by default, since any partner may carry it.
WIDGET_FRAME_ANCESTORS = env.list("WIDGET_FRAME_ANCESTORS", default=["*"])

# How many reverse proxies stand in front of the app servers, each adding to X-Forwarded-For: rate
# limits and block lists then key on the address the outermost one saw, not on the nearest proxy's.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)

# Public pages are served from the cache to visitors without a session for this many seconds (0: never).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=30)

# The public read API (alliance/api): JSON only, no sessions (so no cookies and no CSRF), one error shape.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "alliance.api.schema.PublicApiSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["alliance.api.throttling.ApiRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "alliance.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "alliance.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
# Requests per client address; a client over it gets 429 with Retry-After.
API_RATE_LIMIT = env("API_RATE_LIMIT", default="600/hour")
SPECTACULAR_SETTINGS = {
    "TITLE": "#CohesionAlliance open data API",
    "DESCRIPTION": (
        "Public, read-only figures of the #CohesionAlliance: campaigns and their counters, counts by country, "
        "NUTS-2 region and kind, public partners, stories, library documents and events. No key needed. "
        "Each client address may make API_RATE_LIMIT requests (600 an hour by default); beyond that the API "
        "answers 429 with a Retry-After header. Answers carry Cache-Control and ETag; send If-None-Match to get "
        '304 when nothing changed. Errors always have the shape {"error": {"status", "message", "fields"}}. '
        "Figures are published under CC BY 4.0, attributed to #CohesionAlliance.\n\n"
        "Whole files, outside this document: /api/v1/open-data/counts.csv and .json (confirmed signatures per "
        "campaign by country, region and kind), /api/v1/open-data/partners.csv and .json (the public partner "
        "list), /api/v1/map/regions.geojson, .json and .csv (the map). JSON files carry licence, attribution and "
        "generated; CSV files start with lines beginning with # that say the same, before the header row."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's scripts come from our own static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["alliance.api.schema.public_endpoints_only"],
}
# Anyone may read the API from a browser script; nothing else is shared across origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
