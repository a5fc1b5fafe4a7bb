"""What every app does when a rule says no: the exceptions services raise, and the page that
explains the refusal. The rules themselves return a `participation.rules.Decision`."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


class NotAllowed(PermissionDenied):
    """A rule refused the action; `decision` says why and what the person can do."""

    def __init__(self, decision):
        super().__init__(decision.reason)
        self.decision = decision


class Refused(Exception):
    """A well-formed request that the workflow's rules refuse; the message says why, in the
    person's language, and nothing was saved."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def require(decision):
    if not decision:
        raise NotAllowed(decision)


def not_allowed(request, page, decision, status=403, template="not_allowed.html"):
    """The page that explains a refusal, with a way back to `page` (and to the login)."""
    from participation.rules import LOGIN

    return TemplateResponse(
        request,
        template,
        {"page": page, "decision": decision, "login_kind": LOGIN},
        status=status,
    )
