from django import template

from participation.selectors import displayed
from participation.states import ProposalState

register = template.Library()

# The KERN badge variant that shows a proposal's state at a glance.
STATE_BADGES = {
    ProposalState.ACCEPTED: "success",
    ProposalState.IMPLEMENTED: "success",
    ProposalState.REJECTED: "danger",
    ProposalState.NOT_FEASIBLE: "danger",
    ProposalState.DRAFT: "warning",
    ProposalState.SUBMITTED: "warning",
}


@register.filter
def state_badge(state):
    """`success`, `danger`, `warning` or `info` for a proposal state."""
    return STATE_BADGES.get(state, "info")


@register.filter
def state_label(state):
    """A proposal state's name in the visitor's language: as `get_state_display`, without
    hashing every choice's lazy label on each call (a list shows up to 50 badges)."""
    try:
        return ProposalState(state).label
    except ValueError:
        return state


@register.simple_tag(takes_context=True)
def shown(context, proposal):
    """Title and text in the visitor's language where a translation exists, else the original.

    `?original=1` on the page shows the original even where a translation exists."""
    request = context.get("request")
    if request is not None and request.GET.get("original") == "1":
        return {
            "title": proposal.title,
            "description": proposal.description,
            "language": proposal.language,
            "translation": None,
        }
    title, description, language, translation = displayed(proposal)
    return {
        "title": title,
        "description": description,
        "language": language,
        "translation": translation,
    }


@register.simple_tag
def phase_state(phase, current_phase):
    """ "current", "past" or "future": where a phase stands on the timeline now."""
    from django.utils import timezone

    if current_phase is not None and phase.pk == current_phase.pk:
        return "current"
    return "past" if phase.end <= timezone.now() else "future"
