"""What every app does when a rule says no: the exceptions services raise, and the one page
that explains a refusal. The rules themselves return a `core.rules.Decision`.

Views do not catch refusals themselves: they call `require(rules.can_…(…), page)` (or a
service that does) and let `RefusalMiddleware` answer with the explanation page. The page
passed along is where the "back to …" link leads; a page type may name its own template
(`refusal_template`) to offer more ways forward, e.g. declaring one's residence.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .rules import LOGIN, deny

DEFAULT_TEMPLATE = "not_allowed.html"


class NotAllowed(PermissionDenied):
    """A rule refused the action; `decision` says why and what the person can do."""

    def __init__(self, decision, page=None):
        super().__init__(decision.reason)
        self.decision = decision
        self.page = page


class Refused(Exception):
    """A well-formed request that the workflow's rules refuse; the message says why, in the
    person's language, and nothing was saved."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class StorageUnavailable(Refused):
    """The file storage (the object store) did not take a file: nothing was saved, the
    person may send the form again in a few minutes. Views with a form catch it as any
    `Refused` and show the form again with what was typed; elsewhere `RefusalMiddleware`
    answers 503 with the explanation."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "Die Datei konnte gerade nicht gespeichert werden, weil die Dateiablage "
                "nicht erreichbar ist. Es wurde nichts gespeichert. Bitte senden Sie das "
                "Formular in einigen Minuten noch einmal und wählen Sie die Datei dabei "
                "erneut aus."
            )
        )


def require(decision, page=None):
    """Go on if the decision allows it, else raise NotAllowed (explained by the middleware)."""
    if not decision:
        raise NotAllowed(decision, page)


def not_allowed(request, page, decision, status=403, template=None):
    """The page that explains a refusal, with a way back to `page` (and to the login)."""
    template = template or getattr(page, "refusal_template", None) or DEFAULT_TEMPLATE
    return TemplateResponse(
        request,
        template,
        {"page": page, "decision": decision, "login_kind": LOGIN},
        status=status,
    )


class RefusalMiddleware:
    """Turns a `NotAllowed` raised anywhere in a view into the explanation page (403), and a
    `StorageUnavailable` no view caught into the same page with 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotAllowed):
            page = exception.page or getattr(request, "refusal_page", None)
            response = not_allowed(request, page, exception.decision)
            return response.render()
        if isinstance(exception, StorageUnavailable):
            page = getattr(request, "refusal_page", None)
            response = not_allowed(request, page, deny("storage", exception.message), status=503)
            response["Retry-After"] = "60"
            return response.render()
        return None
