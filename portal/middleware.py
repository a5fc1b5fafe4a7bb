import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

# Paths outside the language prefixes: a 404 there is final, never a redirect to /de/….
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/", "/healthz", "/readyz", "/oparl/")
# A first path segment that looks like a language tag: "fr", "pt-br", "de-ls".
LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2}(?:-[a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LanguagePrefixLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but an unknown language prefix stays a 404.

    Django would redirect /fr/ to /de/fr/ because Wagtail's catch-all pattern
    matches any path. A visitor who typed a language we do not offer gets the
    styled 404 in their own language instead of a redirect to a confusing URL.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            if request.path_info.startswith(UNPREFIXED):
                return response
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            supported = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in supported:
                response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy from settings (no inline script on the site; the
    admin's own, see docs/operations.md) and the Permissions-Policy, on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response.headers:
            admin = request.path_info.startswith("/admin/")
            policy = (
                settings.CONTENT_SECURITY_POLICY_ADMIN
                if admin
                else settings.CONTENT_SECURITY_POLICY
            )
            if policy:
                response.headers["Content-Security-Policy"] = policy
        permissions = getattr(settings, "QUARTIER_PERMISSIONS_POLICY", "")
        if permissions and "Permissions-Policy" not in response.headers:
            response.headers["Permissions-Policy"] = permissions
        return response
