"""Who may do what in participation, and why not. Views, templates and tests ask only here.

Every check returns a Decision: allowed or not, and if not, a reason a person can act on
(log in, wait until a date, ask the office). Roles: anonymous, registered, author,
moderator (permission participation.moderate_proposal), editor (Wagtail page editing rights
on the process), admin (superuser).
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.rules import ALLOWED, LOGIN, PHASE, ROLE, STATE, VERIFY, Decision, deny  # noqa: F401

from . import states
from .phases import Participants

# Phases in which only (office-verified or self-declared) residents or code holders take part.
VERIFIED_ONLY = {Participants.VERIFIED, Participants.CODE}


def _closed_at(process, action, moment):
    ends = [p.end for p in process.ordered_phases() if p.allows(action) and p.end <= moment]
    return max(ends) if ends else None


# --- roles -------------------------------------------------------------------------------


def is_moderator(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("participation.moderate_proposal")
    )


def remember_for_request(user):
    """Lets the answers below that cost queries (blocked? staff for a process?) be kept on
    `user` for the rest of the request. Only a view calls it, with `request.user`, which
    lives for one request: a page that asks the same question for several buttons asks the
    database once."""
    user._participation_answers = {}


def _remembered(user, key, compute):
    answers = getattr(user, "_participation_answers", None)
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]


def is_staff_for(user, process):
    """Office staff for this process: moderators and editors of the process page."""
    if not user.is_authenticated:
        return False
    return _remembered(
        user,
        ("staff", process.pk),
        lambda: is_moderator(user) or process.permissions_for_user(user).can_edit(),
    )


_NO_RECORD = object()


def verification_of(user):
    """The person's residency record or None (cached on the user object for the request)."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_resident_verification", _NO_RECORD)
    if cached is _NO_RECORD:
        from .models import ResidentVerification

        cached = ResidentVerification.objects.filter(user=user).first()
        user._resident_verification = cached
    return cached


def is_verified_resident(user, process):
    """Confirmed at the office, or self-declared where the process accepts that (such votes
    are counted separately as unverified); 16+ where the process requires it."""
    record = verification_of(user)
    if record is None or (process.require_age_16 and not record.age_16):
        return False
    return record.is_office_verified or process.allow_self_declaration


def can_verify_residents(user):
    if user.is_authenticated and (
        user.is_superuser or user.has_perm("participation.verify_resident")
    ):
        return ALLOWED
    return deny(ROLE, _("Nur das Stadtteilbüro bestätigt Bewohner*innen."))


def is_author(user, proposal):
    return user.is_authenticated and proposal.author_id == user.pk


# --- phase checks ------------------------------------------------------------------------


def is_blocked(user):
    from .models import Block

    return user.is_authenticated and _remembered(
        user, "blocked", lambda: Block.objects.filter(user=user).exists()
    )


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
        return deny(
            PHASE,
            _("Das ist in diesem Verfahren nicht mehr möglich."),
            closed_at=_closed_at(process, action, moment),
        )
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um mitzumachen."))
    if phase.participants in VERIFIED_ONLY and not is_verified_resident(user, process):
        if process.allow_self_declaration:
            return deny(
                VERIFY,
                _(
                    "In dieser Phase können nur Bewohner*innen mitmachen. Erklären Sie, dass "
                    "Sie im Gebiet wohnen, oder lassen Sie sich im Stadtteilbüro bestätigen."
                ),
            )
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


def files_are_public(proposal):
    """A proposal's image and attachment are public while the proposal is published and not
    hidden by moderation; otherwise only its author and the office see them."""
    return proposal.is_public and not proposal.hidden


def can_view_files(user, proposal):
    if files_are_public(proposal) or is_author(user, proposal):
        return ALLOWED
    if is_staff_for(user, proposal.process):
        return ALLOWED
    return deny(ROLE, _("Die Dateien dieses Vorschlags sind nicht öffentlich."))


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


def withdrawal(proposal):
    """The history entry of the proposal's last withdrawal, or None."""
    return proposal.history.filter(to_state=states.WITHDRAWN).order_by("-created_at", "-pk").first()


def can_restore(user, proposal, moment=None):
    """Undoing a withdrawal: the author, while the phase in which it was withdrawn lasts."""
    if not is_author(user, proposal):
        return deny(
            ROLE, _("Nur die Verfasserin oder der Verfasser kann das Zurückziehen aufheben.")
        )
    if proposal.state != states.WITHDRAWN:
        return deny(STATE, _("Der Vorschlag ist nicht zurückgezogen."))
    change = withdrawal(proposal)
    process = proposal.process
    then = process.phase_at(change.created_at) if change else None
    now = process.phase_at(moment or timezone.now())
    if then is None or now is None or then.pk != now.pk:
        return deny(
            PHASE,
            _(
                "Die Phase, in der Sie den Vorschlag zurückgezogen haben, ist vorbei. "
                "Reichen Sie ihn bei Bedarf neu ein."
            ),
        )
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


# --- voting ------------------------------------------------------------------------------


def voting_by_code(process, moment=None):
    phase = process.phase_at(moment or timezone.now())
    return phase is not None and phase.allows_vote and phase.participants == Participants.CODE


def can_vote(user, process, moment=None):
    """With a voting code nobody needs an account (the code is checked when casting)."""
    moment = moment or timezone.now()
    if voting_by_code(process, moment):
        if is_blocked(user):
            return _phase_gate(user, process, "vote", moment)
        return ALLOWED
    return _phase_gate(user, process, "vote", moment)


def can_enter_paper_ballot(user, process, moment=None):
    moment = moment or timezone.now()
    if not is_staff_for(user, process):
        return deny(ROLE, _("Nur das Stadtteilbüro kann Stimmzettel auf Papier eintragen."))
    phase = process.phase_at(moment)
    if phase is None or not phase.allows_vote:
        upcoming = process.next_phase_allowing("vote", moment)
        if upcoming:
            return deny(PHASE, _("Die Abstimmung hat noch nicht begonnen."), upcoming.start)
        return deny(
            PHASE, _("Die Abstimmung ist beendet."), closed_at=_closed_at(process, "vote", moment)
        )
    return ALLOWED


def can_declare_residence(user, process):
    if not process.allow_self_declaration:
        return deny(ROLE, _("In diesem Verfahren ist keine Selbsterklärung vorgesehen."))
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um Ihren Wohnort anzugeben."))
    record = verification_of(user)
    if record is not None and record.is_office_verified:
        return deny(STATE, _("Sie sind bereits vom Stadtteilbüro bestätigt."))
    return ALLOWED


def can_manage_codes(user, process):
    if not is_staff_for(user, process):
        return deny(ROLE, _("Abstimmungscodes verwaltet das Stadtteilbüro."))
    return ALLOWED


def can_see_results(user, process, moment=None):
    """Tallies stay hidden until the last voting phase ends, unless live results are on."""
    moment = moment or timezone.now()
    phases = process.voting_phases()
    if not phases:
        return deny(STATE, _("In diesem Verfahren wird nicht abgestimmt."))
    end = max(phase.end for phase in phases)
    start = min(phase.start for phase in phases)
    if moment >= end or (process.live_results and moment >= start):
        return ALLOWED
    return deny(PHASE, _("Die Ergebnisse erscheinen, wenn die Abstimmung beendet ist."), end)
