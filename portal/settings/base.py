"""Settings shared by every environment.

Every value that differs between machines is read from the environment; each
one is listed with a line of explanation in the README ("Settings").
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    "wagtail.users",
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
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguagePrefixLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.RefuseNulBytesMiddleware",
    "portal.accounts.middleware.RequireMFAForAdminUsersMiddleware",
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
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "quartier_cache",
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

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
# renders a few inline scripts, so /admin/ gets its own, wider script policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; frame-src 'self'; "
    "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'"
)
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'"
)

# Menus, labels etc. shown in templates.
QUARTIER_TAGLINE = _("Das Portal für Ihr Quartier")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
