"""Production: every secret and host comes from the environment (see README, "Settings")."""

from django.core.exceptions import ImproperlyConfigured

from core.logging import logging_config

from .base import *  # noqa: F403
from .base import LOG_LEVEL, SECRET_KEY, env, env_bool

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of 50+ characters.")

DEBUG = False
QUARTIER_DEMO_ALLOWED = False

STORAGES = {
    **STORAGES,  # noqa: F405 - "default" private, "public" under MEDIA_URL
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere, behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health checks of a load balancer come over plain http from inside: answer them there.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# SECURE_COOKIES: session and CSRF cookies only over https (default). "false" only to try the
# production settings locally over plain http (`make serve`).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_TRUSTED_ORIGINS = [env("SITE_URL", "https://localhost")]

# WhiteNoise serves the collected, compressed and hashed static files.
MIDDLEWARE = [
    MIDDLEWARE[0],  # noqa: F405 - SecurityMiddleware stays first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]

# Wagtail's live preview shows the page in a same-origin iframe, so X-Frame-Options
# stays SAMEORIGIN (CSP frame-ancestors 'self' says the same); silence Django's DENY advice.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Logs as JSON lines (core/logging.py) unless LOG_FORMAT says "plain".
LOG_FORMAT = env("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)
