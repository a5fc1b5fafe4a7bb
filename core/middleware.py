"""Requests refused before any view sees them, and the id every request gets."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.logging import request_id_var, request_path_var
from core.ratelimit import from_trusted_proxy


def has_nul(request):
    """A NUL byte in the path or the query string (raw or percent-encoded)."""
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path or "\x00" in query or "%00" in query


class RefuseNulBytesMiddleware:
    """Answers a request whose address contains a NUL byte with 400 and an explanation.

    No link or form of the site makes one; PostgreSQL cannot compare or store the byte, so a
    page or search looked up with it would fail. Form fields refuse it on their own (Django's
    `CharField`), and views reading parameters by hand use `core.params`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            reason = _(
                "Die Adresse enthält ein unsichtbares Steuerzeichen (ein Null-Byte), das wir "
                "nicht verarbeiten können. Bitte geben Sie die Adresse neu ein oder folgen Sie "
                "einem Link auf der Seite."
            )
            response = TemplateResponse(request, "400.html", {"reason": reason}, status=400)
            return response.render()
        return self.get_response(request)


# An id a proxy may hand on: letters, digits and - _ . : (a UUID, a hex trace id), at most 128.
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Gives every request an id: `request.id`, the X-Request-ID response header, and the
    `request_id` of every log line written while the request runs (core.logging).

    The id a proxy sent in X-Request-ID is kept only when the request comes from one of
    TRUSTED_PROXIES (anybody else could send any text), and only if it looks like an id;
    otherwise a new UUID4 is made. Comes right after SecurityMiddleware (and WhiteNoise in
    production), so static files get no id.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.META.get("HTTP_X_REQUEST_ID", "").strip()
        if sent and REQUEST_ID_PATTERN.match(sent) and from_trusted_proxy(request):
            request.id = sent
        else:
            request.id = uuid.uuid4().hex
        id_token = request_id_var.set(request.id)
        path_token = request_path_var.set(request.path)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(id_token)
            request_path_var.reset(path_token)
        response.headers["X-Request-ID"] = request.id
        return response


def is_bad_lookup(exception):
    """A database lookup with an id that is not an id: Django's integer and UUID fields say
    so in these words (`IntegerField.get_prep_value`, `UUIDField.to_python`)."""
    text = str(exception)
    if isinstance(exception, (TypeError, ValueError)):
        return text.startswith("Field '") and "expected a number but got" in text
    if isinstance(exception, ValidationError):
        return any("is not a valid UUID" in message for message in exception.messages)
    return False


class BadLookupIs404Middleware:
    """An address with a non-numeric id where a number belongs is a page that does not
    exist (404), not a server error. Our views read ids through `core.params` and URL
    converters; this catches the views of packages that pass a path segment straight to the
    database (e.g. Wagtail 7.4's chooser "chosen" views: /admin/documents/chooser/chosen/abc/)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_bad_lookup(exception):
            raise Http404(_("Diese Seite gibt es nicht")) from exception
        return None
