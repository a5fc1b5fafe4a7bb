"""The life of a proposal: its states and which changes are allowed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("eingereicht")
    PUBLISHED = "published", _("veröffentlicht")
    REJECTED = "rejected", _("abgelehnt")
    EVALUATION = "evaluation", _("in Prüfung")
    ACCEPTED = "accepted", _("angenommen")
    NOT_FEASIBLE = "not_feasible", _("nicht umsetzbar")
    IMPLEMENTED = "implemented", _("umgesetzt")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


# The old names, kept for callers.
DRAFT = ProposalState.DRAFT
SUBMITTED = ProposalState.SUBMITTED
PUBLISHED = ProposalState.PUBLISHED
REJECTED = ProposalState.REJECTED
EVALUATION = ProposalState.EVALUATION
ACCEPTED = ProposalState.ACCEPTED
NOT_FEASIBLE = ProposalState.NOT_FEASIBLE
IMPLEMENTED = ProposalState.IMPLEMENTED
WITHDRAWN = ProposalState.WITHDRAWN
STATES = ProposalState.choices

# Visible to everyone (drafts and submitted proposals only to their author and staff).
PUBLIC_STATES = {PUBLISHED, EVALUATION, ACCEPTED, NOT_FEASIBLE, IMPLEMENTED, REJECTED}
# States in which the author may still withdraw.
WITHDRAWABLE = {DRAFT, SUBMITTED, PUBLISHED}

# Office decisions: from -> allowed targets. Author actions (submit, withdraw) are separate.
OFFICE_TRANSITIONS = {
    SUBMITTED: {PUBLISHED, REJECTED},
    PUBLISHED: {EVALUATION, REJECTED},
    EVALUATION: {ACCEPTED, NOT_FEASIBLE},
    ACCEPTED: {IMPLEMENTED},
}
# A public reason is required for these.
NEEDS_REASON = {REJECTED, NOT_FEASIBLE}
