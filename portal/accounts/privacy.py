"""The account itself in the privacy registry (core/privacy.py)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from core import privacy

from .models import DeletionRequest


def export(user):
    return privacy.Export(
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            # Which second factors exist, never their secrets.
            "second_factors": [
                {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
                for a in Authenticator.objects.filter(user=user)
            ],
            "deletion_requests": [
                {"reason": r.reason, "requested_at": r.requested_at, "completed_at": r.completed_at}
                for r in DeletionRequest.objects.filter(user=user)
            ],
        }
    )


def erase(user):
    return {
        # Free text the person wrote to the office; the DeletionLog is the record now.
        "deletion_requests": DeletionRequest.objects.filter(user=user).delete()[0],
        "email_addresses": EmailAddress.objects.filter(user=user).delete()[0],
        "second_factors": Authenticator.objects.filter(user=user).delete()[0],
    }


def register():
    privacy.register_exporter("account", export)
    privacy.register_eraser("accounts", erase)
