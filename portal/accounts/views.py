from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeletionRequestForm
from .middleware import can_reach_admin
from .services import deletion_request_create, deletion_request_open


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
def request_deletion(request):
    open_request = deletion_request_open(request.user)
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and open_request is None and form.is_valid():
        deletion_request_create(user=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _(
                "Ihr Antrag ist eingegangen. Das Stadtteilbüro löscht Ihr Konto innerhalb "
                "eines Monats und benachrichtigt Sie per E-Mail."
            ),
        )
        return redirect("account_overview")
    return render(
        request, "account/request_deletion.html", {"form": form, "open_request": open_request}
    )
