"""The answer every rules module gives: allowed or not, and if not, why and what to do.

Each app keeps its own rules module (`participation.rules`, `intranet.rules`, `fund.rules`);
they all return a `Decision`, so views, templates and the one explanation page
(`core.refusals`) treat every refusal alike.
"""

from dataclasses import dataclass
from datetime import datetime

# What kind of refusal it is; the explanation page offers the matching way forward.
LOGIN = "login"  # log in first
PHASE = "phase"  # not now: see opens_at / closed_at
ROLE = "role"  # not for this person
STATE = "state"  # not in the object's current state
VERIFY = "verify"  # confirm residence first


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""
    kind: str = ""
    opens_at: datetime | None = None
    closed_at: datetime | None = None

    def __bool__(self):
        return self.allowed


ALLOWED = Decision(True)


def deny(kind, reason, opens_at=None, closed_at=None):
    return Decision(False, reason, kind, opens_at, closed_at)


def first_refusal(*decisions):
    """The first refusal among several checks, or ALLOWED: for rules composed of others."""
    for decision in decisions:
        if not decision:
            return decision
    return ALLOWED
