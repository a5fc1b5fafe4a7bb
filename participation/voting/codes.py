"""One-time voting codes: generated in batches, stored only as salted keyed hashes.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 60 bits:
guessing is hopeless, and the form is rate-limited as well. The plain codes exist only in the
PDF sheet made when the batch is created.
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused

from ..models import VotingCode, VotingCodeBatch
from .identity import keyed_hash

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
MAX_BATCH = 5000


def normalise(text):
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def pretty(code):
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def digest(batch_salt, code):
    return keyed_hash(f"code:{batch_salt}:{normalise(code)}")


@transaction.atomic
def create_batch(*, process, size, label, user, expires_at=None, plain=None):
    """Create a batch and return it with its plain codes (shown once, on the PDF sheet).

    `plain` gives the codes instead of drawing them (the demo prints known codes)."""
    batch = VotingCodeBatch.objects.create(
        process=process,
        label=label,
        size=size,
        salt=secrets.token_hex(16),
        expires_at=expires_at,
        created_by=user,
    )
    if plain is None:
        drawn = set()
        while len(drawn) < size:
            drawn.add("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))
        plain = sorted(drawn)
    plain = [normalise(code) for code in plain]
    VotingCode.objects.bulk_create(
        [VotingCode(batch=batch, digest=digest(batch.salt, code)) for code in plain],
        batch_size=1000,
    )
    return batch, [pretty(code) for code in plain]


def void_batch(batch, user):
    VotingCodeBatch.objects.filter(pk=batch.pk, voided_at__isnull=True).update(
        voided_at=timezone.now(), voided_by=user
    )


class CodeRefused(Refused):
    """Unknown, voided, expired or used: the message says which, and nothing more."""


def is_unused(process, text):
    try:
        find(process, text)
    except CodeRefused:
        return False
    return True


def find(process, text, moment=None, for_update=False):
    """The valid, unused code `text` for `process`, or CodeRefused with the reason."""
    moment = moment or timezone.now()
    code_text = normalise(text)
    if len(code_text) != LENGTH:
        raise CodeRefused(_("Dieser Code ist uns nicht bekannt. Bitte prüfen Sie die Eingabe."))
    salts = list(process.code_batches.values_list("salt", flat=True))
    digests = [digest(salt, code_text) for salt in salts]
    codes = VotingCode.objects.select_related("batch").filter(
        digest__in=digests, batch__process=process
    )
    if for_update:
        codes = codes.select_for_update(of=("self",))
    code = codes.first()
    if code is None:
        raise CodeRefused(_("Dieser Code ist uns nicht bekannt. Bitte prüfen Sie die Eingabe."))
    if code.batch.voided_at:
        raise CodeRefused(
            _("Dieser Code wurde ungültig gemacht. Das Stadtteilbüro gibt Ihnen gern einen neuen.")
        )
    if code.batch.expires_at and code.batch.expires_at <= moment:
        raise CodeRefused(_("Dieser Code ist abgelaufen."))
    if code.used_at:
        raise CodeRefused(_("Mit diesem Code wurde bereits abgestimmt."))
    return code
