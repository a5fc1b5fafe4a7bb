from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from core.ratelimit import UNKNOWN, client_address
from core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth with our mail delivery (a background task) and translated messages."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten "
            "und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück."
        ),
    }

    def get_client_ip(self, request):
        """The same client address as our own rate limits (trusted proxies only)."""
        address = client_address(request)
        if address == UNKNOWN:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def save_user(self, request, user, form, commit=True):
        """Remember the language someone signed up in: their e-mails use it."""
        user = super().save_user(request, user, form, commit=False)
        user.language = getattr(request, "LANGUAGE_CODE", "de") or "de"
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        msg = self.render_mail(template_prefix, email, context)
        html_body = None
        for content, mimetype in getattr(msg, "alternatives", []):
            if mimetype == "text/html":
                html_body = content
        send_email.enqueue(
            subject=msg.subject,
            body=msg.body,
            recipients=list(msg.to),
            html_body=html_body,
            from_email=msg.from_email,
        )
