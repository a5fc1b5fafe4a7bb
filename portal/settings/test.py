"""The test suite (pytest). SQLite unless DATABASE_URL is set."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache would outlive a test's rolled-back data: on only where a test turns it on.
PAGECACHE_ENABLED = False
ALLOWED_HOSTS = ["*"]
QUARTIER_DEMO_ALLOWED = True
# Files on disk in a throwaway folder: Wagtail serves private documents with sendfile from
# a local path, which an in-memory storage cannot give.
MEDIA_ROOT = tempfile.mkdtemp(prefix="quartier-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="quartier-test-private-")
STORAGES = {
    "default": {"BACKEND": "core.files.PrivateStorage"},
    "public": {
        "BACKEND": "core.files.PublicStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},  # noqa: F405
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The demo neighbourhood and its `load_demo` command; never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405


class MissingTemplateVariable(str):
    """`string_if_invalid` for the tests: a variable that one of our own templates prints but
    the view never passed fails the test instead of printing nothing.

    Templates of Wagtail, allauth and Django keep Django's default: the missing value is an
    empty string that still runs through the filters (`|default:…`). Django formats this
    value with the variable because it contains "%s"; `{% if %}` and `{% for %}` never get
    here."""

    def __mod__(self, variable):
        import copy
        import inspect

        from django.template import TemplateSyntaxError
        from django.template.base import FilterExpression, Node

        expression, origin = None, None
        frame = inspect.currentframe().f_back
        while frame is not None and origin is None:
            candidate = frame.f_locals.get("self")
            if expression is None and isinstance(candidate, FilterExpression):
                expression, context = candidate, frame.f_locals.get("context")
            elif isinstance(candidate, Node) and getattr(candidate, "origin", None) is not None:
                origin = str(candidate.origin.name)
            frame = frame.f_back
        if origin and origin.startswith(str(BASE_DIR / "templates")):  # noqa: F405
            raise TemplateSyntaxError(f"missing template variable {variable!r} in {origin}")
        if expression is None:
            return ""
        empty = copy.copy(expression)
        empty.is_var, empty.var = False, ""
        return empty.resolve(context)


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = MissingTemplateVariable("%s")  # noqa: F405
