"""The life of a proposal: its states and which changes are allowed."""

from django.utils.translation import gettext_lazy as _

DRAFT = "draft"
SUBMITTED = "submitted"
PUBLISHED = "published"
REJECTED = "rejected"
EVALUATION = "evaluation"
ACCEPTED = "accepted"
NOT_FEASIBLE = "not_feasible"
IMPLEMENTED = "implemented"
WITHDRAWN = "withdrawn"

STATES = [
    (DRAFT, _("Entwurf")),
    (SUBMITTED, _("eingereicht")),
    (PUBLISHED, _("veröffentlicht")),
    (REJECTED, _("abgelehnt")),
    (EVALUATION, _("in Prüfung")),
    (ACCEPTED, _("angenommen")),
    (NOT_FEASIBLE, _("nicht umsetzbar")),
    (IMPLEMENTED, _("umgesetzt")),
    (WITHDRAWN, _("zurückgezogen")),
]

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
