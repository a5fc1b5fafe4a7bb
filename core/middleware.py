"""Requests refused before any view sees them."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


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
