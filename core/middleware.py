"""Requests refused before any view sees them."""

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
