"""`make bench`: production-like request handling (DEBUG off, cached templates) on demo data."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "bench-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz")
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Index pages for search while seeding, without a worker. The servers `make bench` starts
# (gunicorn, db_worker; BENCH_SERVER=1) keep the database task queue of production.
if not env("BENCH_SERVER", ""):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUARTIER_DEMO_ALLOWED = True
# Workers keep their database connection between requests, as production should
# (DATABASE_CONN_MAX_AGE); the benchmark's server processes serve one request at a time.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# The demo (seeding) and the benchmark command itself.
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "bench"]  # noqa: F405
# The reference view of the ratio figures (bench.views.hello) at /bench/hallo/.
ROOT_URLCONF = "bench.urls"
