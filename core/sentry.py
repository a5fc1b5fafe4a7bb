"""Optional error reports to Sentry (or a compatible service such as GlitchTip).

Imported by the settings only when `SENTRY_DSN` is set; without it sentry-sdk is never
loaded. Reports carry the exception, the stack and the request's method and URL path, never
personal data: no user, no client address, no cookies, no request body, no query string
(search terms, tokens) and no headers beyond a harmless few.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

# Request headers a report may keep; everything else (Cookie, Authorization, X-Forwarded-For,
# Referer with its query string, …) is dropped.
KEPT_HEADERS = {"accept", "accept-language", "content-type", "host", "user-agent", "x-request-id"}


def scrub(event, hint=None):
    """before_send: keep only what is listed above of the request."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "data", "query_string", "env"):
            request.pop(key, None)
        url = request.get("url")
        if isinstance(url, str):
            request["url"] = url.split("?", 1)[0]
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}
    event.pop("user", None)
    return event


def init_sentry(*, dsn, environment, release=None, traces_sample_rate=0.0):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,  # local variables may hold personal data
        traces_sample_rate=traces_sample_rate,
        before_send=scrub,
        before_send_transaction=scrub,
    )
