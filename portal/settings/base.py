"""Settings shared by every environment.

Every value that differs between machines is read from the environment; each
one is listed with a line of explanation in the README ("Settings").
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from core.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return env(name, str(default)).lower() in {"1", "true", "yes", "on"}


# --- Core ---------------------------------------------------------------------------
# SECRET_KEY: signs sessions and tokens. Dev/test have a fixed key; production requires one.
SECRET_KEY = env("SECRET_KEY", "")
# VOTER_SECRET: keys the hashes that stand for voters on ballots and the voting-code hashes.
# Keep it stable while a vote runs (changing it would let people vote again); empty: SECRET_KEY.
QUARTIER_VOTER_SECRET = env("VOTER_SECRET", "")
DEBUG = False
# ALLOWED_HOSTS: comma-separated host names this site answers to.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# SITE_URL: the public base URL, used in e-mails and absolute links.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    # Project apps first so their templates override those of the packages; from the
    # shared kernel up (docs/architecture.md): core <- portal <- participation | intranet <- fund.
    "core",
    "portal",
    "portal.accounts",
    "portal.taxonomy",
    "portal.news",
    "portal.events",
    "portal.directory",
    "portal.projects",
    "portal.contact",
    "participation",
    "intranet",
    "fund",
    # wagtail-localize before the Wagtail apps (see docs/architecture.md).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.accounts.wagtail_users.WagtailUsersConfig",  # wagtail.users without user names
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RequestIdMiddleware",  # request.id, X-Request-ID, request_id in logs
    "core.health.HealthCheckMiddleware",  # /healthz, /readyz before sessions, locale, CSRF
    "portal.middleware.ContentSecurityPolicyMiddleware",
    # Anonymous pages from the cache, before sessions and CSRF (portal/pagecache.py).
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguagePrefixLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.RefuseNulBytesMiddleware",
    "core.middleware.BadLookupIs404Middleware",
    "portal.accounts.middleware.RequireMFAForAdminUsersMiddleware",
    "portal.accounts.middleware.AdminAccessRefusalMiddleware",
    "core.refusals.RefusalMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.languages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------
# DATABASE_URL: e.g. postgres://user@host:5432/quartier. Default: an SQLite file in the checkout.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers (two people voting at once) queue for the write lock instead of
    # failing with "database is locked": take it when a transaction starts, wait up to 20 s,
    # and let readers go on beside the writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# --- Cache --------------------------------------------------------------------------
# REDIS_URL: optional; cache and allauth rate limits. Without it the database cache is used.
# With it, sessions are cached_db and a Redis outage is answered like an empty cache (see the
# section "Redis resilience" at the end of this file and docs/operations.md).
REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "quartier_cache",
        # Room for the anonymous page cache (portal/pagecache.py) beside rate limits;
        # Django's default of 300 would cull a third of the entries again and again.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
}

# --- Background tasks (django-tasks) ------------------------------------------------
# Run the worker with `python manage.py db_worker` (make run starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Accounts -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_overview"

ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    # Defaults of allauth, written out so they are visible and tested.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Quartier")
MFA_RECOVERY_CODE_COUNT = 10

# --- E-mail -------------------------------------------------------------------------
# EMAIL_URL-free, classic SMTP settings; dev prints mails to the console, tests keep them in memory.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# DEFAULT_FROM_EMAIL: sender of all mails (account mails, notifications).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Quartier <noreply@quartier.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages ----------------------------------------------------------------------
# German is the source language. "de-ls" is Leichte Sprache (easy-read German);
# in HTML it is written "de-x-ls" (see portal/languages.py).
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("de-ls", "Leichte Sprache"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("uk", "Українська"),
]
LANGUAGES_BIDI = ["ar"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
# STATIC_ROOT: where collectstatic writes (default: staticfiles/ in the checkout).
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# KERN UX and htmx come from node_modules (installed by `make`), never from the repository.
NODE_MODULES = BASE_DIR / "node_modules"
if NODE_MODULES.exists():
    STATICFILES_DIRS += [
        ("vendor/kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
        ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Storages ("default" private, "public" under MEDIA_URL): see "Private files" at the end.

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Quartier"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords are managed by allauth only (rate limits, MFA, verification).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's database search: PostgreSQL full-text search with German stemming in production
# and CI (German is the source language of most content); SQLite's FTS otherwise.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "german"} if IS_POSTGRES else {}),
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
]

# --- Security -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# Content-Security-Policy: no inline script on the public site. Wagtail's admin still
# renders inline scripts (widget set-up, InlinePanel, chooser modals) and Draftail adds
# <style> elements, so /admin/ gets its own policy: inline <script> and <style> allowed,
# but no inline event handlers, no style="" attributes, no eval and nothing from other
# hosts. docs/operations.md ("Content-Security-Policy of the admin") lists why.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; frame-src 'self'; "
    "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'"
)
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; script-src-attr 'none'; "
    "style-src 'self' 'unsafe-inline'; style-src-attr 'none'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; frame-src 'self'; "
    "worker-src 'self'; manifest-src 'self'; frame-ancestors 'self'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)

# Menus, labels etc. shown in templates.
QUARTIER_TAGLINE = _("Das Portal für Ihr Quartier")

# LOGGING: see "Logs" at the end.

# --- Data protection: retention (docs/privacy.md) ------------------------------------
# `purge_expired` (daily, cron or the task core.privacy_tasks.purge_expired_task) removes
# what has passed these periods, in days.
# CONTACT_RETENTION_DAYS: contact form submissions and accessibility feedback (the contact
# page promises six months).
CONTACT_RETENTION_DAYS = int(env("CONTACT_RETENTION_DAYS", "183"))
# DRAFT_RETENTION_DAYS: proposals and fund applications never submitted, after their last change.
DRAFT_RETENTION_DAYS = int(env("DRAFT_RETENTION_DAYS", "365"))
# FILE_RETENTION_DAYS: uploaded files no record refers to any more (of deleted items).
FILE_RETENTION_DAYS = int(env("FILE_RETENTION_DAYS", "30"))
# REJECTED_APPLICATION_RETENTION_DAYS: rejected, ineligible or withdrawn fund applications,
# after the decision.
REJECTED_APPLICATION_RETENTION_DAYS = int(env("REJECTED_APPLICATION_RETENTION_DAYS", "365"))
# FUND_RETENTION_DAYS: funded applications (receipts, settlement) after the decision; the
# funder's retention period for grant files (default 10 years, cf. § 147 AO).
FUND_RETENTION_DAYS = int(env("FUND_RETENTION_DAYS", "3653"))
# NOTIFICATION_RETENTION_DAYS: digest lines not sent (e.g. the person switched to "nie").
NOTIFICATION_RETENTION_DAYS = int(env("NOTIFICATION_RETENTION_DAYS", "90"))

# --- Private files ------------------------------------------------------------------
# PRIVATE_MEDIA_ROOT: folder of private files (documents, receipts, drafts' attachments);
# outside MEDIA_ROOT, never served by a static URL (default: private/ in the checkout).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
# PRIVATE_FILES_SERVE: who sends a private file after the view's permission check:
# "django" (the application streams it) or "nginx" (X-Accel-Redirect to the web server).
PRIVATE_FILES_SERVE = env("PRIVATE_FILES_SERVE", "django")
# PRIVATE_FILES_ACCEL_PREFIX: the nginx `internal` location aliased to PRIVATE_MEDIA_ROOT.
PRIVATE_FILES_ACCEL_PREFIX = env("PRIVATE_FILES_ACCEL_PREFIX", "/_private/")
# "default" is private (no URL); "public" is MEDIA_ROOT under MEDIA_URL (published files).
STORAGES = {
    "default": {"BACKEND": "core.files.PrivateStorage"},
    "public": {
        "BACKEND": "core.files.PublicStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Wagtail's image renditions are what pages show: public (storages["public"], looked up at
# each use). Originals stay private.
WAGTAILIMAGES_RENDITION_STORAGE = "core.files.public_storage"

# --- Uploads and text extraction ------------------------------------------------------
# Largest image (width × height) any upload may have; checked before the image is decoded.
UPLOAD_MAX_IMAGE_PIXELS = int(env("UPLOAD_MAX_IMAGE_PIXELS", "40000000"))
# Most members an office document (zip container) may have.
UPLOAD_ZIP_MAX_MEMBERS = int(env("UPLOAD_ZIP_MAX_MEMBERS", "2000"))
# Most bytes an office document may unpack to, all members together (default 100 MB).
UPLOAD_ZIP_MAX_UNCOMPRESSED = int(env("UPLOAD_ZIP_MAX_UNCOMPRESSED", str(100 * 1024 * 1024)))
# Highest ratio of unpacked to packed size (beyond 1 MB unpacked); zip bombs pack ~1000:1.
UPLOAD_ZIP_MAX_RATIO = int(env("UPLOAD_ZIP_MAX_RATIO", "100"))
# Text extraction for search reads at most this many bytes of a document's content.
EXTRACT_MAX_BYTES = int(env("EXTRACT_MAX_BYTES", str(20 * 1024 * 1024)))
# Memory ceiling (address space) of the extraction subprocess, in MB.
EXTRACT_MEMORY_MB = int(env("EXTRACT_MEMORY_MB", "512"))
# Seconds the extraction subprocess may run before it is killed.
EXTRACT_TIMEOUT_SECONDS = int(env("EXTRACT_TIMEOUT_SECONDS", "60"))
# Wagtail's admin image and document uploads go through the same check (core/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.admin_forms.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.admin_forms.CheckedDocumentForm"

# --- Reverse proxy and accounts -----------------------------------------------------
# TRUSTED_PROXIES: comma list of addresses or networks (CIDR) of our reverse proxies, e.g.
# "127.0.0.1,10.0.0.0/8". Only on requests from these is the client's address taken from
# X-Forwarded-For (rate limits, allauth); empty (default): REMOTE_ADDR is the client.
QUARTIER_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
# allauth reads the client address through our adapter (portal.accounts.adapter), which asks
# core.ratelimit.client_address: its own X-Forwarded-For counting stays off.
ALLAUTH_TRUSTED_PROXY_COUNT = 0
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = None
# Adding, removing or choosing another e-mail address asks for the password (or second
# factor) again if the last confirmation is older than ACCOUNT_REAUTHENTICATION_TIMEOUT
# seconds; changing the password always asks for the current one.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# allauth shows a person by their name, else their e-mail address; the internal user name
# appears nowhere (pages, e-mails).
ACCOUNT_USER_DISPLAY = "portal.accounts.adapter.user_display"
# Tell people by e-mail when their password or e-mail address changed (with where from).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Wagtail admin avatars: never from gravatar.com (the e-mail hash would leave the site);
# everyone gets Wagtail's built-in default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Permissions-Policy on every response: browser features nobody on this site uses stay off
# for the site and for anything it embeds. Geolocation is allowed for our own pages only
# (a map may offer "show where I am"), fullscreen for our own pages (videos, maps);
# publickey-credentials-get for passkeys/security keys, should MFA offer them.
QUARTIER_PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "bluetooth=()",
        "browsing-topics=()",
        "camera=()",
        "display-capture=()",
        "fullscreen=(self)",
        "geolocation=(self)",
        "gyroscope=()",
        "hid=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "publickey-credentials-get=(self)",
        "screen-wake-lock=()",
        "serial=()",
        "usb=()",
    ]
)

# --- Redis resilience ---------------------------------------------------------------
# With REDIS_URL the cache is core.cache.SafeRedisCache: a lost Redis answers like an empty
# cache (logged), our rate limits count in the database meanwhile, sessions stay valid.
# REDIS_SOCKET_TIMEOUT: seconds to wait for Redis to connect or answer before giving up.
REDIS_SOCKET_TIMEOUT = float(env("REDIS_SOCKET_TIMEOUT", "0.25"))
# REDIS_RETRY_AFTER: seconds after a Redis error during which the cache is not asked again.
REDIS_RETRY_AFTER = float(env("REDIS_RETRY_AFTER", "2"))
# RATELIMIT_FALLBACK_RETENTION_DAYS: rate-limit counters kept in the database during a Redis
# outage are removed by purge_expired this many days after their window ended.
RATELIMIT_FALLBACK_RETENTION_DAYS = int(env("RATELIMIT_FALLBACK_RETENTION_DAYS", "1"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.SafeRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
                "retry_after": REDIS_RETRY_AFTER,
            },
        }
    }
    # Sessions in the database, read through the cache: losing Redis logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Logs ---------------------------------------------------------------------------
# LOG_FORMAT: "json" (one JSON object per line with time, level, logger, message,
# request_id, path, status, duration_ms; core/logging.py) or "plain" (readable lines).
# Default "plain"; portal.settings.production defaults to "json".
LOG_FORMAT = env("LOG_FORMAT", "plain")
# LOG_LEVEL: the lowest level written (DEBUG, INFO, WARNING, ERROR).
LOG_LEVEL = env("LOG_LEVEL", "WARNING")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

# --- Object storage -------------------------------------------------------------------
# MEDIA_STORAGE: where uploaded files live: "filesystem" (PRIVATE_MEDIA_ROOT and MEDIA_ROOT,
# default) or "s3" (an S3-compatible object store: private and public bucket, see
# docs/operations.md, "Object storage").
MEDIA_STORAGE = env("MEDIA_STORAGE", "filesystem")
# S3_ENDPOINT_URL: address of the S3 service (e.g. https://s3.example.net); empty: AWS.
S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", "")
# S3_ACCESS_KEY / S3_SECRET_KEY: credentials of the application's S3 user (secret).
S3_ACCESS_KEY = env("S3_ACCESS_KEY", "")
S3_SECRET_KEY = env("S3_SECRET_KEY", "")
# S3_REGION: region name of the buckets (e.g. eu-central-1); empty: the client's default.
S3_REGION = env("S3_REGION", "")
# S3_PRIVATE_BUCKET: bucket of the private files; must grant anonymous access to nothing.
S3_PRIVATE_BUCKET = env("S3_PRIVATE_BUCKET", "quartier-private")
# S3_PUBLIC_BUCKET: bucket of published files and image renditions, readable by anyone
# (empty: the private bucket, then S3_PUBLIC_LOCATION must name the public prefix).
S3_PUBLIC_BUCKET = env("S3_PUBLIC_BUCKET", "quartier-public")
# S3_PUBLIC_LOCATION: key prefix of the public files inside S3_PUBLIC_BUCKET (default none).
S3_PUBLIC_LOCATION = env("S3_PUBLIC_LOCATION", "")
# S3_PUBLIC_URL: address the public files are linked under (a CDN or custom domain, e.g.
# https://media.example.org); empty: the bucket's own address at S3_ENDPOINT_URL.
S3_PUBLIC_URL = env("S3_PUBLIC_URL", "")
# S3_URL_EXPIRY_SECONDS: lifetime of a presigned download URL of a private file.
S3_URL_EXPIRY_SECONDS = int(env("S3_URL_EXPIRY_SECONDS", "300"))
if MEDIA_STORAGE == "s3":
    from core.files import s3_origins, s3_storages

    STORAGES = {
        **STORAGES,
        **s3_storages(
            endpoint_url=S3_ENDPOINT_URL,
            access_key=S3_ACCESS_KEY,
            secret_key=S3_SECRET_KEY,
            region=S3_REGION,
            private_bucket=S3_PRIVATE_BUCKET,
            public_bucket=S3_PUBLIC_BUCKET,
            public_location=S3_PUBLIC_LOCATION,
            public_url=S3_PUBLIC_URL,
            expiry=S3_URL_EXPIRY_SECONDS,
        ),
    }
    # Private downloads: a redirect to a presigned URL unless PRIVATE_FILES_SERVE says else.
    PRIVATE_FILES_SERVE = env("PRIVATE_FILES_SERVE", "s3")
    # Pages show images (public renditions, a draft's image by presigned redirect) and media
    # from the object store: its origins join img-src and media-src of both policies.
    _s3 = " ".join(
        s3_origins(
            endpoint_url=S3_ENDPOINT_URL,
            public_url=S3_PUBLIC_URL,
            buckets=[S3_PRIVATE_BUCKET, S3_PUBLIC_BUCKET or S3_PRIVATE_BUCKET],
            region=S3_REGION,
        )
    )
    for _directive in ("img-src 'self'", "media-src 'self'"):
        CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(_directive, f"{_directive} {_s3}")
        CONTENT_SECURITY_POLICY_ADMIN = CONTENT_SECURITY_POLICY_ADMIN.replace(
            _directive, f"{_directive} {_s3}"
        )

# --- Upload holding area (core/holding.py) ------------------------------------------------
# HELD_UPLOAD_HOURS: files kept for a form that did not complete yet (preview, added row,
# an error elsewhere), bound to the person's session; removed by purge_expired after this.
HELD_UPLOAD_HOURS = int(env("HELD_UPLOAD_HOURS", "24"))

# --- Page cache and Varnish -----------------------------------------------------------
# Anonymous visitors get Wagtail pages from a full-page cache in CACHES["default"]
# (portal/pagecache.py, docs/operations.md "Caching"), purged on every publish.
# PAGECACHE_ENABLED: "false" turns the app's page cache off (Cache-Control stays).
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
# PAGECACHE_SECONDS: how long the app keeps a page at most (purges end it earlier).
PAGECACHE_SECONDS = int(env("PAGECACHE_SECONDS", "300"))
# PAGECACHE_MAX_AGE: max-age for browsers (they cannot be purged: keep it short).
PAGECACHE_MAX_AGE = int(env("PAGECACHE_MAX_AGE", "0"))
# PAGECACHE_S_MAXAGE: s-maxage for shared caches such as Varnish (purged on publish).
PAGECACHE_S_MAXAGE = int(env("PAGECACHE_S_MAXAGE", "300"))
# Models besides pages, snippets and settings whose change purges the cache (they show
# on public pages without being snippets).
PAGECACHE_PURGE_MODELS = [
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "participation.Phase",
    "participation.Support",
    "participation.ProposalTranslation",
    "participation.ProposalStateChange",
    "news.NewspaperIssue",
    "contact.ContactFormField",
]
# VARNISH_PURGE_URLS: comma-separated addresses of the Varnish servers that get PURGE and
# BAN requests on publish (e.g. http://127.0.0.1:6081); empty: no Varnish.
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS", "")
WAGTAILFRONTENDCACHE = {
    f"varnish{index}": {"BACKEND": "portal.pagecache.VarnishBackend", "LOCATION": url}
    for index, url in enumerate(VARNISH_PURGE_URLS)
}

# --- Database connection health -----------------------------------------------------------
# DATABASE_CONN_HEALTH_CHECKS: a connection kept between requests (DATABASE_CONN_MAX_AGE > 0)
# is checked before a request uses it and replaced if the database closed it (a restart, a
# failover, pg_terminate_backend): the request then succeeds instead of answering 500.
# Default on; costs one trivial query per request only where connections are kept.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("DATABASE_CONN_HEALTH_CHECKS", True)

# --- Metrics and error reports ------------------------------------------------------
# Prometheus counters of requests, latency, votes and e-mails (core/metrics.py), served by
# the gunicorn master on METRICS_BIND (deploy/gunicorn.conf.py), never under the site's URLs.
# Right after the health checks (load balancers' probes are not counted), before the rest.
MIDDLEWARE.insert(
    MIDDLEWARE.index("core.health.HealthCheckMiddleware") + 1, "core.metrics.MetricsMiddleware"
)
# SENTRY_DSN: optional; errors are then reported to that Sentry (or GlitchTip) project,
# without personal data, cookies or request bodies (core/sentry.py). Empty: sentry-sdk is
# not even imported.
SENTRY_DSN = env("SENTRY_DSN", "")
# SENTRY_ENVIRONMENT: the environment name shown in Sentry (e.g. "production", "staging").
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "production")
# SENTRY_RELEASE: the version reported with each error (e.g. the git commit); empty: none.
SENTRY_RELEASE = env("SENTRY_RELEASE", "")
# SENTRY_TRACES_SAMPLE_RATE: share of requests sent as performance traces (0 = none).
SENTRY_TRACES_SAMPLE_RATE = float(env("SENTRY_TRACES_SAMPLE_RATE", "0"))
if SENTRY_DSN:
    from core.sentry import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        release=SENTRY_RELEASE or None,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
    )

# --- Display names (portal/accounts) -------------------------------------------------------
# Residents choose at sign-up how they are shown next to their proposals and comments
# (User.display_name); no environment variable, the form is part of the product.
ACCOUNT_SIGNUP_FORM_CLASS = "portal.accounts.forms.SignupExtraForm"

# --- OParl (intranet/oparl.py, docs/oparl.md) ------------------------------------------------
# OPARL_PAGE_SIZE: objects per page of an OParl list (/oparl/bodies/quartier/meetings/ …);
# clients follow `links.next`.
OPARL_PAGE_SIZE = int(env("OPARL_PAGE_SIZE", "100"))

# --- Fund bank details (fund/privacy.py, docs/privacy.md) -------------------------------------
# BANK_DETAILS_RETENTION_DAYS: IBAN and account holder of a fund application, erased this many
# days after the case was closed (settled, rejected, ineligible or withdrawn).
BANK_DETAILS_RETENTION_DAYS = int(env("BANK_DETAILS_RETENTION_DAYS", "90"))
