"""Health checks for load balancers and orchestrators.

- `/healthz`: the process answers (liveness). Touches neither database, cache nor storage,
  so a database outage does not get every web process restarted.
- `/readyz`: the process can serve (readiness): a database query, a cache set/get and the
  default (private) file storage reachable. 503 with a JSON body naming what failed.

Both answer JSON without personal data or error details (those go to the log, with the
request id) and are never cached. `HealthCheckMiddleware` answers them right after the request
id is set, before sessions, language redirects, CSRF, log-in and host checks run: a probe
needs no cookie, no language prefix and no particular Host header.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# The name asked for in the storage; it need not exist, the storage must only answer.
STORAGE_PROBE_NAME = "readyz-probe"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 returned something else")


def check_cache():
    key, value = f"quartier:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the value written was not read back")
    finally:
        cache.delete(key)


def check_storage():
    default_storage.exists(STORAGE_PROBE_NAME)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@csrf_exempt
@require_safe
@never_cache
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("readiness check %r failed", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    failed = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if failed else "ok", "checks": results, "failed": failed}
    return JsonResponse(body, status=503 if failed else 200)


VIEWS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answers /healthz and /readyz before the rest of the middleware (see the module
    docstring); comes right after RequestIdMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = VIEWS.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
