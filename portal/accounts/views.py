from tempfile import SpooledTemporaryFile

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import privacy
from core.ratelimit import allow
from core.refusals import require
from core.rules import ALLOWED, ROLE, deny

from .forms import AccountDeletionForm, DisplayNameForm
from .middleware import can_reach_admin
from .services import deletion_request_open

EXPORT_LIMIT = (10, 3600)  # downloads per person and hour: a ZIP with files is not free


@login_required
def overview(request):
    """The person's own account: what is stored and what they can do with it."""
    user = request.user
    context = {
        "emails": list(user.emailaddress_set.all()),
        "mfa_enabled": Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists(),
        "mfa_required": can_reach_admin(user),
        "deletion_request": deletion_request_open(user),
    }
    return render(request, "account/overview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def display_name(request):
    """Change how one is shown next to one's proposals and comments."""
    form = DisplayNameForm(
        request.POST if request.method == "POST" else None,
        initial={"display_name": request.user.display_name},
    )
    if request.method == "POST" and form.is_valid():
        request.user.display_name = form.cleaned_data["display_name"]
        request.user.save(update_fields=["display_name"])
        messages.success(request, _("Ihr Anzeigename wurde gespeichert."))
        return redirect("account_overview")
    return render(request, "account/display_name.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """ "Meine Daten": the person downloads everything about them (DSGVO Art. 15 and 20)."""
    if request.method == "POST":
        if not allow(request, f"export:{request.user.pk}", *EXPORT_LIMIT):
            messages.error(
                request,
                _(
                    "Sie haben Ihre Daten in der letzten Stunde schon mehrmals heruntergeladen. "
                    "Bitte versuchen Sie es in einer Stunde wieder."
                ),
            )
            return render(request, "account/my_data.html", status=429)
        # Kept in memory up to 16 MB, then on disk; FileResponse closes it when sent.
        spool = SpooledTemporaryFile(max_size=16 * 2**20)  # noqa: SIM115
        archive = privacy.export_zip(request.user, spool)
        filename = f"meine-daten-{timezone.localdate():%Y-%m-%d}.zip"
        response = FileResponse(
            archive, as_attachment=True, filename=filename, content_type="application/zip"
        )
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "account/my_data.html")


def may_delete_itself(user):
    """Accounts with access to the admin are removed by the office, so the site never
    loses its last administrator and records of editorial work stay attributable."""
    if can_reach_admin(user):
        return deny(
            ROLE,
            _(
                "Ihr Konto hat Zugang zum Verwaltungsbereich. Solche Konten löscht das "
                "Stadtteilbüro: Bitte schreiben Sie ihm, es entfernt zuerst Ihre Rechte."
            ),
        )
    return ALLOWED


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """The resident deletes their own account at once (DSGVO Art. 17), after confirming
    their password or second factor (allauth's re-authentication, at most 5 minutes old)."""
    require(may_delete_itself(request.user))
    form = AccountDeletionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy.delete_account(user, reason="self")
        messages.success(
            request,
            _(
                "Ihr Konto ist gelöscht. Ihre Beiträge stehen weiter ohne Ihren Namen auf der "
                "Seite; was wir aufbewahren müssen, löschen wir nach Ablauf der Frist."
            ),
        )
        return redirect("/")
    return render(request, "account/delete_account.html", {"form": form})
