"""Who is voting, as the ballot sees it: a keyed hash, a trust level, maybe a code.

The key is an HMAC of the account or code id with a server secret that is not stored in the
database: the ballot table alone does not reveal who voted how, yet the same person always
gets the same key, so the one-ballot constraint holds across online and paper ballots.
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings

from ..models import voting


def _secret():
    secret = getattr(settings, "QUARTIER_VOTER_SECRET", "") or settings.SECRET_KEY
    return ("quartier-voter:" + secret).encode()


def keyed_hash(text):
    return hmac.new(_secret(), text.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Voter:
    key: str
    trust: str
    code: object = None  # VotingCode when voting with a code
    resume_token: str = ""  # the browser's capability to change a code ballot


def trust_of(user, process):
    from .. import rules

    verification = rules.verification_of(user)
    if verification is None or (process.require_age_16 and not verification.age_16):
        return voting.BY_ACCOUNT
    if verification.is_office_verified:
        return voting.BY_OFFICE
    return voting.BY_SELF


def for_user(user, process):
    return Voter(key=keyed_hash(f"user:{user.pk}"), trust=trust_of(user, process))


def for_code(code, resume_token=""):
    return Voter(
        key=keyed_hash(f"code:{code.pk}"),
        trust=voting.BY_CODE,
        code=code,
        resume_token=resume_token,
    )


def resume_digest(token):
    return hashlib.sha256(token.encode()).hexdigest() if token else ""
