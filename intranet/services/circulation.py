"""Decisions by circulation (Umlaufverfahren): online votes by the voting members by a deadline,
closed into a decision recorded like a meeting's."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused, require

from .. import bodies, rules
from ..models import Activity, Circulation, CirculationVote, Decision, Membership
from ..signals_public import circulation_closed
from .activity import record


@transaction.atomic
def start(*, workspace, user, title, text, deadline, excluded=()):
    """`excluded`: members out of the vote from the start for a conflict of interest (the
    fund passes jury members who are the applicant)."""
    require(rules.can_start_circulation(user, workspace))
    if deadline <= timezone.now():
        raise Refused(_("Die Frist muss in der Zukunft liegen."))
    circulation = Circulation.objects.create(
        workspace=workspace, title=title, text=text, deadline=deadline, created_by=user
    )
    CirculationVote.objects.bulk_create(
        CirculationVote(
            circulation=circulation,
            user=member,
            value=CirculationVote.Value.ABSTAIN,
            conflict=True,
            excluded=True,
        )
        for member in excluded
    )
    record(
        workspace,
        Activity.Kind.CIRCULATION,
        _("Umlaufverfahren bis %(date)s: %(title)s")
        % {"date": timezone.localtime(deadline).strftime("%d.%m.%Y %H:%M"), "title": title},
        circulation.get_absolute_url(),
        user,
    )
    return circulation


@transaction.atomic
def vote(*, circulation, user, value, conflict=False):
    require(rules.can_vote_in_circulation(user, circulation))
    if value not in CirculationVote.Value.values:
        raise Refused(_("Bitte wählen Sie Ja, Nein oder Enthaltung."))
    excluded = CirculationVote.objects.filter(
        circulation=circulation, user=user, excluded=True
    ).exists()
    CirculationVote.objects.update_or_create(
        circulation=circulation,
        user=user,
        defaults={"value": value, "conflict": conflict or excluded},
    )


def _voting_members(circulation):
    return set(
        Membership.objects.active(timezone.localtime(circulation.deadline).date())
        .filter(workspace=circulation.workspace, voting=True)
        .values_list("user_id", flat=True)
    )


def _decide(circulation):
    """The decision the votes make: quorum (members who took part, minus conflicts) and the
    body's majority rule."""
    workspace = circulation.workspace
    voting = _voting_members(circulation)
    votes = list(circulation.votes.filter(user_id__in=voting))
    conflicted = {v.user_id for v in votes if v.conflict}
    quorum = bodies.quorum(
        workspace.quorum_rule,
        voting_members=len(voting),
        voting_present=len(votes),
        conflicted_members=len(conflicted),
        conflicted_present=len(conflicted),
        fixed=workspace.quorum_count,
    )
    Value = CirculationVote.Value
    yes, no, abstain = (
        sum(1 for v in votes if not v.conflict and v.value == key)
        for key in (Value.YES, Value.NO, Value.ABSTAIN)
    )
    return Decision.objects.create(
        workspace=workspace,
        circulation=circulation,
        text=circulation.text,
        yes=yes,
        no=no,
        abstain=abstain,
        majority_rule=workspace.majority_rule,
        eligible=quorum.eligible,
        present=quorum.present,
        quorum_required=quorum.required,
        quorate=quorum.quorate,
        carried=quorum.quorate and bodies.passes(workspace.majority_rule, yes, no, abstain),
        decided_on=timezone.localtime(circulation.deadline).date(),
    )


@transaction.atomic
def withdraw(*, circulation, user):
    """Withdraw a running circulation before its deadline: closed without a decision, the
    votes cast are kept; the members are told."""
    circulation = Circulation.objects.select_for_update().get(pk=circulation.pk)
    require(rules.can_withdraw_circulation(user, circulation))
    now = timezone.now()
    circulation.closed_at = circulation.withdrawn_at = now
    circulation.save(update_fields=["closed_at", "withdrawn_at"])
    record(
        circulation.workspace,
        Activity.Kind.CIRCULATION,
        _("Umlaufverfahren zurückgezogen: %(title)s") % {"title": circulation.title},
        circulation.get_absolute_url(),
        user,
    )
    return circulation


@transaction.atomic
def close(circulation, moment=None):
    """After the deadline: count, record the decision and tell the apps that listen (the
    fund). Idempotent."""
    moment = moment or timezone.now()
    circulation = Circulation.objects.select_for_update().get(pk=circulation.pk)
    if circulation.closed_at or moment < circulation.deadline:
        return getattr(circulation, "decision", None)
    decision = _decide(circulation)
    circulation.closed_at = moment
    circulation.save(update_fields=["closed_at"])
    record(
        circulation.workspace,
        Activity.Kind.DECISION,
        (
            _("Umlaufbeschluss angenommen: %(title)s")
            if decision.carried
            else _("Umlaufbeschluss abgelehnt: %(title)s")
        )
        % {"title": circulation.title},
        circulation.get_absolute_url(),
    )
    circulation_closed.send(sender=Circulation, circulation=circulation, decision=decision)
    return decision


def close_due(moment=None):
    moment = moment or timezone.now()
    due = Circulation.objects.filter(closed_at__isnull=True, deadline__lte=moment)
    return [close(circulation, moment) for circulation in due]
