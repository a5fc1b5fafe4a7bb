"""Who may do what in participation, and why not. Views, templates and tests ask only here.

Every check returns a Decision: allowed or not, and if not, a reason a person can act on
(log in, wait until a date, ask the office). Roles: anonymous, registered, author,
moderator (permission participation.moderate_proposal), editor (Wagtail page editing rights
on the process), admin (superuser).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import states

LOGIN = "login"
PHASE = "phase"
ROLE = "role"
STATE = "state"
VERIFY = "verify"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""
    kind: str = ""
    opens_at: datetime | None = None

    def __bool__(self):
        return self.allowed


ALLOWED = Decision(True)


def deny(kind, reason, opens_at=None):
    return Decision(False, reason, kind, opens_at)


# --- roles -------------------------------------------------------------------------------


def is_moderator(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("participation.moderate_proposal")
    )


def is_staff_for(user, process):
    """Office staff for this process: moderators and editors of the process page."""
    if not user.is_authenticated:
        return False
    return is_moderator(user) or process.permissions_for_user(user).can_edit()


def is_verified_resident(user, process):
    """Resident verification arrives with the voting issue; until then nobody is verified,
    so phases that require it stay closed and say so."""
    return False


def is_author(user, proposal):
    return user.is_authenticated and proposal.author_id == user.pk


# --- phase checks ------------------------------------------------------------------------


def is_blocked(user):
    from .models import Block

    return user.is_authenticated and Block.objects.filter(user=user).exists()


def _phase_gate(user, process, action, moment=None):
    moment = moment or timezone.now()
    if is_blocked(user):
        return deny(
            ROLE,
            _(
                "Ihr Konto ist für die Beteiligung gesperrt. Wenden Sie sich bei Fragen an "
                "das Stadtteilbüro."
            ),
        )
    phase = process.phase_at(moment)
    if phase is None or not phase.allows(action):
        upcoming = process.next_phase_allowing(action, moment)
        if upcoming:
            return deny(PHASE, _("Das ist erst in einer späteren Phase möglich."), upcoming.start)
        return deny(PHASE, _("Das ist in diesem Verfahren nicht mehr möglich."))
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um mitzumachen."))
    if phase.participants == "verified" and not is_verified_resident(user, process):
        return deny(
            VERIFY,
            _(
                "In dieser Phase können nur bestätigte Bewohner*innen mitmachen. Das "
                "Stadtteilbüro bestätigt Sie gern."
            ),
        )
    return ALLOWED


# --- actions -----------------------------------------------------------------------------


def can_view(user, proposal):
    if proposal.is_public or is_author(user, proposal) or is_staff_for(user, proposal.process):
        return ALLOWED
    return deny(ROLE, _("Dieser Vorschlag ist nicht öffentlich."))


def can_submit(user, process, moment=None):
    return _phase_gate(user, process, "submit", moment)


def can_enter_for_resident(user, process, moment=None):
    """Office staff enter paper or in-person proposals while proposals are collected."""
    if not is_staff_for(user, process):
        return deny(ROLE, _("Nur das Stadtteilbüro kann Vorschläge für andere eintragen."))
    phase = process.phase_at(moment or timezone.now())
    if phase is None or not phase.allows("submit"):
        return deny(PHASE, _("Vorschläge können gerade nicht eingereicht werden."))
    return ALLOWED


def can_edit(user, proposal, moment=None):
    moment = moment or timezone.now()
    if not is_author(user, proposal):
        return deny(ROLE, _("Nur die Verfasserin oder der Verfasser kann den Vorschlag ändern."))
    if proposal.state == states.DRAFT:
        return ALLOWED
    if proposal.state in (states.SUBMITTED, states.PUBLISHED) and proposal.submitted_at:
        window = timedelta(hours=proposal.process.edit_window_hours)
        if moment <= proposal.submitted_at + window:
            return ALLOWED
        return deny(STATE, _("Die Frist zum Ändern nach dem Einreichen ist abgelaufen."))
    return deny(STATE, _("In diesem Stand kann der Vorschlag nicht mehr geändert werden."))


def can_withdraw(user, proposal):
    if not is_author(user, proposal):
        return deny(ROLE, _("Nur die Verfasserin oder der Verfasser kann zurückziehen."))
    if proposal.state not in states.WITHDRAWABLE:
        return deny(STATE, _("In diesem Stand kann der Vorschlag nicht zurückgezogen werden."))
    return ALLOWED


def can_support(user, proposal, moment=None):
    gate = _phase_gate(user, proposal.process, "support", moment)
    if not gate:
        return gate
    if proposal.state != states.PUBLISHED or proposal.hidden:
        return deny(STATE, _("Nur veröffentlichte Vorschläge können unterstützt werden."))
    if is_author(user, proposal):
        return deny(ROLE, _("Den eigenen Vorschlag kann man nicht unterstützen."))
    return ALLOWED


def can_follow(user, proposal):
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um Neuigkeiten zu erhalten."))
    return can_view(user, proposal)


def can_decide(user, proposal, to_state):
    # The cheap state check first: the role check may query page permissions.
    if to_state not in states.OFFICE_TRANSITIONS.get(proposal.state, set()):
        return deny(STATE, _("Dieser Schritt ist im aktuellen Stand nicht möglich."))
    if not is_staff_for(user, proposal.process):
        return deny(ROLE, _("Über Vorschläge entscheidet das Stadtteilbüro."))
    return ALLOWED


# --- comments, reports, moderation ------------------------------------------------------

COMMENTABLE = {states.PUBLISHED, states.EVALUATION, states.ACCEPTED, states.IMPLEMENTED}


def can_comment(user, proposal, parent=None, moment=None):
    gate = _phase_gate(user, proposal.process, "comment", moment)
    if not gate:
        return gate
    if proposal.hidden or proposal.state not in COMMENTABLE:
        return deny(STATE, _("Dieser Vorschlag kann nicht kommentiert werden."))
    if parent is not None and (parent.parent_id is not None or parent.proposal_id != proposal.pk):
        return deny(STATE, _("Auf Antworten kann man nicht noch einmal antworten."))
    return ALLOWED


def can_edit_comment(user, comment, moment=None):
    moment = moment or timezone.now()
    if not (user.is_authenticated and comment.author_id == user.pk):
        return deny(ROLE, _("Nur wer den Kommentar geschrieben hat, kann ihn ändern."))
    minutes = comment.proposal.process.comment_edit_minutes
    if comment.hidden or moment > comment.created_at + timedelta(minutes=minutes):
        return deny(STATE, _("Die Zeit zum Ändern dieses Kommentars ist abgelaufen."))
    return ALLOWED


def can_answer_officially(user, proposal):
    if not is_staff_for(user, proposal.process):
        return deny(ROLE, _("Offizielle Antworten gibt nur das Stadtteilbüro."))
    return ALLOWED


def _owner_id(target):
    return getattr(target, "author_id", None)


def can_report(user, target):
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um einen Beitrag zu melden."))
    if _owner_id(target) == user.pk:
        return deny(ROLE, _("Eigene Beiträge kann man nicht melden."))
    return ALLOWED


def can_moderate(user, target):
    if not is_moderator(user):
        return deny(ROLE, _("Nur die Moderation kann Beiträge ausblenden."))
    if _owner_id(target) == user.pk:
        return deny(ROLE, _("Eigene Beiträge darf man nicht selbst moderieren."))
    return ALLOWED


def can_block(user, person):
    if not is_moderator(user):
        return deny(ROLE, _("Nur die Moderation kann Personen sperren."))
    if person.pk == user.pk:
        return deny(ROLE, _("Man kann sich nicht selbst sperren."))
    return ALLOWED


def can_export(user, process):
    if not is_staff_for(user, process):
        return deny(ROLE, _("Nur das Stadtteilbüro kann Vorschläge exportieren."))
    return ALLOWED


def can_translate(user, proposal):
    if not (is_author(user, proposal) or is_staff_for(user, proposal.process)):
        return deny(
            ROLE, _("Übersetzen können die Verfasserin oder der Verfasser und das Stadtteilbüro.")
        )
    if proposal.hidden or proposal.state == states.WITHDRAWN:
        return deny(STATE, _("Dieser Vorschlag kann nicht übersetzt werden."))
    return ALLOWED
