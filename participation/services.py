"""Participation workflows. Each checks the rules, runs in a transaction and records history."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import rules, states
from .models import Follow, Proposal, ProposalStateChange, Support


class NotAllowed(PermissionDenied):
    def __init__(self, decision):
        super().__init__(decision.reason)
        self.decision = decision


def _require(decision):
    if not decision:
        raise NotAllowed(decision)


def _record(proposal, to_state, actor, reason=""):
    from_state = proposal.state
    proposal.state = to_state
    ProposalStateChange.objects.create(
        proposal=proposal,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        public_reason=reason,
    )


@transaction.atomic
def proposal_create(*, process, author, data, submit, entered_by=None):
    """Create a draft, or submit it at once. Staff entering for a resident record consent."""
    if entered_by is not None:
        _require(rules.can_enter_for_resident(entered_by, process))
    else:
        _require(rules.can_submit(author, process))
    proposal = Proposal(process=process, author=author, entered_by=entered_by, **data)
    proposal.consent_recorded = entered_by is not None
    proposal.save()
    ProposalStateChange.objects.create(
        proposal=proposal, from_state="", to_state=states.DRAFT, actor=entered_by or author
    )
    if submit:
        _submit(proposal, entered_by or author)
    return proposal


def _submit(proposal, actor):
    proposal.submitted_at = timezone.now()
    _record(proposal, states.SUBMITTED, actor)
    proposal.save(update_fields=["state", "submitted_at", "updated_at"])


@transaction.atomic
def proposal_update(*, proposal, user, data, submit):
    _require(rules.can_edit(user, proposal))
    for field, value in data.items():
        setattr(proposal, field, value)
    proposal.save()
    if submit and proposal.state == states.DRAFT:
        _require(rules.can_submit(user, proposal.process))
        _submit(proposal, user)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal, user):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require(rules.can_withdraw(user, proposal))
    _record(proposal, states.WITHDRAWN, user)
    proposal.save(update_fields=["state", "updated_at"])
    return proposal


@transaction.atomic
def proposal_decide(*, proposal, user, to_state, reason=""):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require(rules.can_decide(user, proposal, to_state))
    if to_state in states.NEEDS_REASON and not reason.strip():
        raise ValueError("a public reason is required")
    _record(proposal, to_state, user, reason.strip())
    proposal.save(update_fields=["state", "updated_at"])
    return proposal


def support_add(*, proposal, user):
    """Support once; a second attempt (double click, two tabs) changes nothing."""
    _require(rules.can_support(user, proposal))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


def support_remove(*, proposal, user):
    _require(rules.can_support(user, proposal))
    with transaction.atomic():
        deleted, _details = Support.objects.filter(proposal=proposal, user=user).delete()
        if deleted:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


def follow_set(*, proposal, user, follow):
    _require(rules.can_follow(user, proposal))
    if follow:
        Follow.objects.get_or_create(proposal=proposal, user=user)
    else:
        Follow.objects.filter(proposal=proposal, user=user).delete()
