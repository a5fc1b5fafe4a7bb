"""Casting and changing a ballot: validated first, then written whole under a row lock.

The number of queries is the same whatever the number of choices: the proposals chosen,
lock (code), insert-or-ignore the ballot, lock it, write its votes (a first ballot: one
INSERT; a changed one: DELETE and INSERT), update it, log (6 for an account's first ballot,
7 for a change, one more with a code).
"""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from core import metrics

from .. import states
from ..models import Ballot, Proposal, Vote, VotingCode
from ..models.voting import BY_CODE, ONLINE, PAPER, VERIFIED_TRUST
from . import codes, modes
from .identity import resume_digest


def votable(process):
    """The proposals on the ballot: published, not hidden; with a budget for budget ballots."""
    proposals = Proposal.objects.filter(
        process=process, state=states.PUBLISHED, hidden=False
    ).order_by("title", "pk")
    if process.voting_mode == modes.BUDGET:
        proposals = proposals.filter(requested_budget__isnull=False)
    return proposals


def budgets_for(process, ids):
    return dict(votable(process).filter(pk__in=ids).values_list("pk", "requested_budget"))


def ballot_of(process, voter):
    return Ballot.objects.filter(process=process, voter_key=voter.key, times_cast__gt=0).first()


def current_choices(ballot):
    if ballot is None:
        return {}
    return dict(ballot.votes.values_list("proposal_id", "value"))


def _may_change(ballot, voter, first):
    """A code ballot is changed only with the capability its browser got when casting it."""
    return (
        not first
        and bool(voter.resume_token)
        and resume_digest(voter.resume_token) == ballot.resume_digest
    )


@transaction.atomic
def cast(*, process, voter, choices, channel=ONLINE, actor=None):
    """Cast or replace `voter`'s ballot. Returns (ballot, resume token or "").

    Raises InvalidBallot (nothing is saved) for an invalid ballot, a used code, or a voter
    who already voted through the other channel.
    """
    budgets = budgets_for(process, list(choices))
    totals = modes.check(process, choices, budgets)
    code = None
    if voter.code is not None:
        code = VotingCode.objects.select_for_update().get(pk=voter.code.pk)
    Ballot.objects.bulk_create(
        [Ballot(process=process, voter_key=voter.key, channel=channel, trust=voter.trust)],
        ignore_conflicts=True,
    )
    ballot = Ballot.objects.select_for_update().get(process=process, voter_key=voter.key)
    first = ballot.times_cast == 0
    if not first:
        _check_channel(ballot, channel)
    token = _use_code(ballot, voter, code, first, channel)
    _replace_votes(ballot, process, choices, first, verified=voter.trust in VERIFIED_TRUST)
    _store(ballot, voter, channel, totals, modes.limits_for(process))
    metrics.vote_cast(channel=channel, first=first)  # counted when the transaction commits
    # The log says that a ballot changed, never whose it is or what it holds. The acting
    # account is recorded only for paper ballots, which staff enter.
    # Written directly, not through wagtail.log_actions.log, so that no active log context
    # can attach the voter's account.
    _log(
        ballot,
        "participation.ballot_cast" if first else "participation.ballot_changed",
        user=actor if channel == PAPER else None,
        data={"process": process.pk, "channel": channel, "trust": voter.trust},
    )
    return ballot, token


def _log(ballot, action, *, user, data):
    """The entry ModelLogEntry.objects.log_action writes, without its full_clean(): that
    check costs a query per vote (does the content type exist?) and validates values we set
    here ourselves. The one check that matters, a registered action, is made in Python."""
    if not log_actions.action_exists(action):
        raise ValueError(f"The log action {action!r} has not been registered.")
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(ballot, for_concrete_model=False),
                label=ModelLogEntry.objects.get_instance_title(ballot),
                action=action,
                timestamp=timezone.now(),
                data=data,
                user=user,
                object_id=str(ballot.pk),
            )
        ]
    )


def _check_channel(ballot, channel):
    """A ballot already cast is changed only through the channel that cast it, and a paper
    ballot not at all."""
    if ballot.channel != channel:
        raise modes.InvalidBallot(
            _("Diese Person hat bereits online abgestimmt.")
            if ballot.channel == ONLINE
            else _("Für Sie wurde bereits ein Stimmzettel auf Papier eingetragen.")
        )
    if channel == PAPER:
        raise modes.InvalidBallot(_("Für diese Person ist bereits ein Stimmzettel eingetragen."))


def _use_code(ballot, voter, code, first, channel):
    """Spend a code on its first ballot (returns the browser's resume token for an online
    ballot, else ""); a code ballot is changed only with that token."""
    if code is not None:
        if code.used_at or not first:
            raise codes.CodeRefused(_("Mit diesem Code wurde bereits abgestimmt."))
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
        if channel == ONLINE:
            token = secrets.token_urlsafe(32)
            ballot.resume_digest = resume_digest(token)
            return token
    elif voter.trust == BY_CODE and not _may_change(ballot, voter, first):
        raise codes.CodeRefused(_("Mit diesem Code wurde bereits abgestimmt."))
    return ""


def _replace_votes(ballot, process, choices, first, verified):
    """The ballot's votes become `choices`. A ballot cast for the first time has none: votes
    are written only here, in the transaction that counts the ballot as cast. A changed
    ballot's votes go in one DELETE statement: nothing depends on a vote (no cascade), and
    the project's delete signals (page cache) concern pages and snippets only, so Django's
    collector would only read them back first."""
    if not first:
        Vote.objects.filter(ballot=ballot)._raw_delete(Vote.objects.db)
    Vote.objects.bulk_create(
        [
            Vote(ballot=ballot, process=process, proposal_id=pk, value=value, verified=verified)
            for pk, value in choices.items()
        ]
    )


def _store(ballot, voter, channel, totals, limits):
    ballot.trust = voter.trust
    ballot.channel = channel
    ballot.choices_used, ballot.choices_limit = totals.choices, limits.choices
    ballot.points_used, ballot.points_limit = totals.points, limits.points
    ballot.budget_used, ballot.budget_limit = totals.budget, limits.budget
    ballot.times_cast += 1
    ballot.save()
