"""Accounts for the journeys and the worlds: every one with the password PASSWORD and a
verified e-mail address."""

from django.contrib.auth.models import Group

from portal.editorial import EDITORS
from tests.portal.factories import PASSWORD, UserFactory

__all__ = ["PASSWORD", "administrator", "office_staff", "resident", "with_second_factor"]


def resident(email, **fields):
    """A registered person with a verified address and the password PASSWORD."""
    return UserFactory(email=email, **fields)


def with_second_factor(user, recovery_codes=False):
    """TOTP (and optionally recovery codes), as everyone who reaches the admin must have."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    if recovery_codes:
        RecoveryCodes.activate(user)
    return type(user).objects.get(pk=user.pk)


def administrator(email, **fields):
    """A superuser with a second factor and recovery codes."""
    user = UserFactory(email=email, is_superuser=True, is_staff=True, **fields)
    return with_second_factor(user, recovery_codes=True)


def office_staff(email, **fields):
    """Someone of the office (group "Redaktion") with a second factor."""
    user = UserFactory(email=email, **fields)
    user.groups.add(Group.objects.get(name=EDITORS))
    return with_second_factor(user)
