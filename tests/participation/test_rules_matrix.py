"""Every action × every role × every phase, decided by participation/rules.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from participation import rules, states

from .factories import make_process, make_proposal, roles

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "registered", "author", "moderator", "editor", "admin"]
PHASES = ["before", "during", "after"]
STAFF = {"moderator", "editor", "admin"}

EXPECTED = {
    # action: function(role, phase) -> allowed?
    "submit": lambda role, phase: phase == "during" and role != "anonymous",
    "support": lambda role, phase: phase == "during" and role not in {"anonymous", "author"},
    "edit_draft": lambda role, phase: role == "author",
    "withdraw": lambda role, phase: role == "author",
    # Undoing a withdrawal: the author, while the phase of the withdrawal lasts.
    "restore": lambda role, phase: role == "author" and phase == "during",
    "view_draft": lambda role, phase: role == "author" or role in STAFF,
    "view_published": lambda role, phase: True,
    "decide_publish": lambda role, phase: role in STAFF,
    "follow": lambda role, phase: role != "anonymous",
    "enter_for_resident": lambda role, phase: phase == "during" and role in STAFF,
    "comment": lambda role, phase: phase == "during" and role != "anonymous",
    "report": lambda role, phase: role not in {"anonymous", "author"},
    "moderate": lambda role, phase: role in {"moderator", "admin"},
}


def withdrawn(process, author):
    """A published proposal its author withdrew now (in the process's current phase, if any)."""
    from participation.models import ProposalStateChange

    proposal = make_proposal(process, author, states.WITHDRAWN)
    ProposalStateChange.objects.create(
        proposal=proposal, from_state=states.PUBLISHED, to_state=states.WITHDRAWN, actor=author
    )
    return proposal


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the 160-odd cases (outside the per-test transactions), removed after."""
    with django_db_blocker.unblock():
        people = roles()
        processes = {phase: make_process(phase) for phase in PHASES}
        proposals = {
            phase: {
                "draft": make_proposal(process, people["author"], states.DRAFT),
                "submitted": make_proposal(process, people["author"], states.SUBMITTED),
                "published": make_proposal(process, people["author"], states.PUBLISHED),
                "withdrawn": withdrawn(process, people["author"]),
            }
            for phase, process in processes.items()
        }
    yield {
        "people": {**people, "anonymous": AnonymousUser()},
        "processes": processes,
        "proposals": proposals,
    }
    with django_db_blocker.unblock():
        for process in processes.values():
            process.delete()
        for user in people.values():
            user.delete()


def decide(world, action, role, phase):
    user = world["people"][role]
    process = world["processes"][phase]
    proposal = world["proposals"][phase]
    return {
        "submit": lambda: rules.can_submit(user, process),
        "support": lambda: rules.can_support(user, proposal["published"]),
        "edit_draft": lambda: rules.can_edit(user, proposal["draft"]),
        "withdraw": lambda: rules.can_withdraw(user, proposal["published"]),
        "restore": lambda: rules.can_restore(user, proposal["withdrawn"]),
        "view_draft": lambda: rules.can_view(user, proposal["draft"]),
        "view_published": lambda: rules.can_view(user, proposal["published"]),
        "decide_publish": lambda: rules.can_decide(user, proposal["submitted"], states.PUBLISHED),
        "follow": lambda: rules.can_follow(user, proposal["published"]),
        "enter_for_resident": lambda: rules.can_enter_for_resident(user, process),
        "comment": lambda: rules.can_comment(user, proposal["published"]),
        "report": lambda: rules.can_report(user, proposal["published"]),
        "moderate": lambda: rules.can_moderate(user, proposal["published"]),
    }[action]()


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_matrix(world, db, action, role, phase):
    decision = decide(world, action, role, phase)
    assert bool(decision) is EXPECTED[action](role, phase), (action, role, phase, decision)
    if not decision:
        assert decision.reason, "every refusal explains itself"


def test_refusal_before_the_phase_says_when_it_opens(world, db):
    decision = rules.can_submit(world["people"]["registered"], world["processes"]["before"])
    assert decision.kind == rules.PHASE
    assert decision.opens_at == world["processes"]["before"].ordered_phases()[0].start


def test_anonymous_is_asked_to_log_in(world, db):
    decision = rules.can_submit(world["people"]["anonymous"], world["processes"]["during"])
    assert decision.kind == rules.LOGIN


def test_verified_phase_is_closed_until_verification_exists(db):
    process = make_process("during", slug="nur-bewohner")
    phase = process.phases.first()
    phase.participants = "verified"
    phase.save()
    from tests.portal.factories import UserFactory

    decision = rules.can_submit(UserFactory(), process)
    assert decision.kind == rules.VERIFY
