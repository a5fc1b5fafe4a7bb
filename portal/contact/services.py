"""Writes of the contact app: storing a reported barrier and telling the office."""

from django.utils.translation import gettext

from core.tasks import send_email
from portal.accounts.services import office_email

from .models import AccessibilityFeedback


def feedback_receive(page, data, request):
    """Store the report and tell the office; returns the stored feedback."""
    feedback = AccessibilityFeedback.objects.create(
        page=page,
        page_url=data.get("page_url", ""),
        message=data["message"],
        name=data.get("name", ""),
        email=data.get("email", ""),
        language=getattr(request, "LANGUAGE_CODE", ""),
    )
    recipient = page.notify_address or office_email()
    if recipient:
        send_email.enqueue(
            subject=gettext("Neue Rückmeldung zur Barrierefreiheit"),
            body=gettext("Eine Barriere wurde gemeldet. Antwort fällig bis %(due)s.\n\n%(message)s")
            % {"due": feedback.answer_due.strftime("%d.%m.%Y"), "message": feedback.message},
            recipients=[recipient],
        )
    return feedback
