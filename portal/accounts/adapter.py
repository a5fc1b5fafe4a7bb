from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.ratelimit import UNKNOWN, client_address
from core.tasks import send_email


def user_display(user):
    """How allauth shows a person (ACCOUNT_USER_DISPLAY): their name, else their e-mail
    address; never the internal user name."""
    return user.get_full_name().strip() or user.email


def office_site(request=None):
    """The office as e-mails name it: `name` from the office settings of the request's
    Wagtail site (else the default site), `domain` from SITE_URL."""
    from wagtail.models import Site

    from portal.models import OfficeSettings

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    name = OfficeSettings.for_site(site).office_name if site is not None else ""
    return SimpleNamespace(
        name=name or settings.WAGTAIL_SITE_NAME,
        domain=urlsplit(settings.SITE_URL).netloc,
        url=settings.SITE_URL,
        site_id=site.pk if site is not None else None,
    )


class AccountAdapter(DefaultAccountAdapter):
    """allauth with our mail delivery (a background task) and translated messages."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten "
            "und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück."
        ),
    }

    def get_login_redirect_url(self, request):
        """Where people land after logging in (when no `next` says otherwise): the first
        address an app offers through the Wagtail hook `quartier_login_redirect` (each hook
        takes the request and returns a URL or nothing; the intranet sends members of a
        body to its dashboard), else LOGIN_REDIRECT_URL."""
        from wagtail import hooks

        for hook in hooks.get_hooks("quartier_login_redirect"):
            url = hook(request)
            if url:
                return url
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request):
        """The same client address as our own rate limits (trusted proxies only)."""
        address = client_address(request)
        if address == UNKNOWN:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    # --- Failed logins while Redis is down ---------------------------------------------
    # allauth keeps its rate limits in the cache; during a Redis outage they count nothing
    # (core/cache.py). Its limit on failed logins ("login_failed": per address and per
    # login name) is then counted by core.ratelimit, which falls back to the database.

    def _outage_login_limits(self, request, credentials):
        from allauth.core.internal.ratelimit import parse_rates

        login = str(credentials.get("email") or credentials.get("username") or "").lower()
        whom = {"ip": ratelimit.client_key(request), "key": ratelimit.secret_key(login)}
        rates = parse_rates(settings.ACCOUNT_RATE_LIMITS.get("login_failed"))
        return [
            (f"login-failed:{rate.per}:{int(rate.duration)}", whom[rate.per], rate)
            for rate in rates
            if rate.per in whom
        ]

    def pre_authenticate(self, request, **credentials):
        super().pre_authenticate(request, **credentials)
        if ratelimit.cache_available():
            return
        for scope, who, rate in self._outage_login_limits(request, credentials):
            if ratelimit.exceeded(scope, who, rate.amount, int(rate.duration)):
                raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        if ratelimit.cache_available():
            return
        for scope, who, rate in self._outage_login_limits(request, credentials):
            ratelimit.record(scope, who, int(rate.duration))

    def populate_username(self, request, user):
        """allauth would derive the user name from the e-mail address; ours says nothing."""
        from .models import opaque_username

        if not user.username:
            user.username = opaque_username()

    def save_user(self, request, user, form, commit=True):
        """Remember the language someone signed up in (their e-mails use it) and the
        display name they chose (portal.accounts.forms.SignupExtraForm)."""
        user = super().save_user(request, user, form, commit=False)
        user.language = getattr(request, "LANGUAGE_CODE", "de") or "de"
        cleaned = getattr(form, "cleaned_data", None) or {}
        user.display_name = cleaned.get("display_name", user.display_name) or ""
        if commit:
            user.save()
        return user

    def format_email_subject(self, subject):
        """Every subject starts with the office's name: "Stadtteilbüro Mühlbach: …"."""
        office = getattr(self, "_office", None) or office_site(self.request)
        return f"{office.name}: {subject}"

    def send_mail(self, template_prefix, email, context):
        """Render with the office as `current_site` (allauth's templates greet with its
        name) and without the internal user name, then send in the background from the
        office's sender, signed with its address (core.tasks.send_email)."""
        request = getattr(allauth_context, "request", None) or self.request
        self._office = office_site(request)
        context = {
            "request": request,
            "email": email,
            **context,
            "current_site": self._office,
            "office": self._office,
        }
        context.pop("username", None)
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
            site_id=self._office.site_id,
        )
