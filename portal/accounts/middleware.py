from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from core.refusals import not_allowed
from core.rules import ROLE, deny

# Pages a person without MFA must still reach to set it up or to leave.
MFA_SETUP_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_reauthenticate",
    "set_language",
}
EXEMPT_PREFIXES = ("/static/", "/media/", "/favicon.ico")


def can_reach_admin(user):
    """Whether the account may open the Wagtail admin ("wagtailadmin.access_admin", given to
    the account or one of its groups), as `user.has_perm` answers it with the model backend.

    Asked on every request of a logged-in person, so it costs one EXISTS query instead of
    loading all of the person's permissions (two queries and their Python sets), and is kept
    on the user object for the rest of the request."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_can_reach_admin", None)
    if cached is None:
        if hasattr(user, "_perm_cache"):  # all permissions are loaded already
            cached = user.has_perm("wagtailadmin.access_admin")
        else:
            cached = (
                Permission.objects.filter(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
                .filter(Q(user=user) | Q(group__user=user))
                .exists()
            )
        user._can_reach_admin = cached
    return cached


def has_mfa(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAForAdminUsersMiddleware:
    """Everyone who can reach the Wagtail admin must use two-factor authentication.

    allauth offers MFA but cannot require it. Such a user without a TOTP
    authenticator is sent to set one up before anything else, on the portal and
    in the admin alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path_info.startswith(EXEMPT_PREFIXES)
            and can_reach_admin(user)
            and not self._is_setup_page(request)
            and not has_mfa(user)
        ):
            messages.warning(
                request,
                _(
                    "Ihr Konto hat Zugang zur Redaktion. Richten Sie bitte zuerst die "
                    "Zwei-Faktor-Authentifizierung ein."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _is_setup_page(request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in MFA_SETUP_URL_NAMES


ADMIN_PREFIX = "/admin/"


class AdminAccessRefusalMiddleware:
    """A logged-in person without access to the Wagtail admin who opens /admin/ learns why
    and where to go (403), instead of being sent to the login, which sends them back.

    Visitors who are not logged in still go to the login as usual.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and not can_reach_admin(user)
        ):
            decision = deny(
                ROLE,
                _(
                    "Sie sind angemeldet, aber Ihr Konto hat keinen Zugang zur Redaktion. "
                    "Die Redaktion ist nur für Mitarbeitende des Stadtteilbüros. Wenn Sie "
                    "Zugang brauchen, wenden Sie sich bitte an das Stadtteilbüro."
                ),
            )
            response = not_allowed(
                request, None, decision, status=403, template="account/admin_refused.html"
            )
            return response.render()
        return self.get_response(request)
