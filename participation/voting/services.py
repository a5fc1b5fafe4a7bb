"""Writes around a vote, each checked by the rules, in a transaction and, where the office
acts, in the audit log: confirming and revoking residents, self-declaration, and issuing
and voiding batches of voting codes. Casting a ballot is `ballots.cast`."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.refusals import require

from .. import rules
from ..models import ResidentVerification
from . import codes


@transaction.atomic
def verify_resident(*, person, user, age_16):
    """The office confirms that `person` lives in the area (and is 16 or older, or not)."""
    require(rules.can_verify_residents(user))
    record, _created = ResidentVerification.objects.update_or_create(
        user=person,
        defaults={
            "method": ResidentVerification.Method.OFFICE,
            "age_16": age_16,
            "verified_by": user,
            "verified_at": timezone.now(),
        },
    )
    log(
        instance=person,
        action="participation.resident_verified",
        user=user,
        data={"age_16": age_16},
    )
    return record


@transaction.atomic
def revoke_resident(*, person, user):
    """The office takes a confirmation (or a self-declaration) back."""
    require(rules.can_verify_residents(user))
    deleted, _details = ResidentVerification.objects.filter(user=person).delete()
    log(instance=person, action="participation.resident_revoked", user=user)
    return bool(deleted)


@transaction.atomic
def declare_residence(*, user, process, street, age_16=False):
    """A person declares a street of the area as theirs (counted as unverified)."""
    require(rules.can_declare_residence(user, process))
    record, _created = ResidentVerification.objects.update_or_create(
        user=user,
        defaults={
            "method": ResidentVerification.Method.SELF,
            "street": street,
            "age_16": age_16,
            "verified_by": None,
            "verified_at": timezone.now(),
        },
    )
    user._resident_verification = record  # the rules read it from here for this request
    return record


@transaction.atomic
def issue_code_batch(*, process, size, label, user, expires_at=None):
    """A new batch of voting codes; returns (batch, plain codes for the one PDF sheet)."""
    require(rules.can_manage_codes(user, process))
    batch, plain = codes.create_batch(
        process=process, size=size, label=label, user=user, expires_at=expires_at
    )
    log(instance=batch, action="participation.codes_created", user=user, data={"size": batch.size})
    return batch, plain


@transaction.atomic
def void_code_batch(*, batch, user):
    """Every unused code of the batch stops working (a lost sheet, a mistake)."""
    require(rules.can_manage_codes(user, batch.process))
    codes.void_batch(batch, user)
    log(instance=batch, action="participation.codes_voided", user=user)
    return batch
