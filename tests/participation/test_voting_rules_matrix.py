"""Voting: every action × every role × every phase × every participation requirement."""

import pytest
from django.contrib.auth.models import AnonymousUser

from participation import rules
from participation.models import Block, ResidentVerification, Street

from .factories import make_vote_process, roles

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "registered",
    "self_declared",
    "verified",
    "verified_under_16",
    "blocked",
    "moderator",
    "editor",
    "admin",
]
PHASES = ["before", "during", "after"]
REQUIREMENTS = ["registered", "verified", "code"]
STAFF = {"moderator", "editor", "admin"}
RESIDENTS = {"self_declared", "verified"}  # 16+, self-declaration allowed in these processes


def may_vote(role, phase, requirement):
    if phase != "during" or role == "blocked":
        return False
    if requirement == "code":
        return True  # the code is checked when casting; no account needed
    if requirement == "registered":
        return role != "anonymous"
    return role in RESIDENTS


EXPECTED = {
    "vote": may_vote,
    "paper_ballot": lambda role, phase, req: phase == "during" and role in STAFF,
    "see_results": lambda role, phase, req: phase == "after",
    "declare_residence": lambda role, phase, req: (
        role not in {"anonymous", "verified", "verified_under_16"}
    ),
    "manage_codes": lambda role, phase, req: role in STAFF,
    "verify_residents": lambda role, phase, req: role in {"editor", "admin"},
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        people = roles()
        people.pop("author")
        from tests.portal.factories import UserFactory

        street, _ = Street.objects.get_or_create(name="Matrixweg")
        for role, method, age in (
            ("self_declared", "self", True),
            ("verified", "office", True),
            ("verified_under_16", "office", False),
        ):
            people[role] = UserFactory()
            ResidentVerification.objects.create(
                user=people[role],
                method=method,
                age_16=age,
                street=street if method == "self" else None,
            )
        people["blocked"] = UserFactory()
        Block.objects.create(user=people["blocked"], reason="Test")
        processes = {
            (phase, requirement): make_vote_process(
                phase,
                slug=f"matrix-{phase}-{requirement}",
                participants=requirement,
                allow_self_declaration=True,
                require_age_16=True,
            )[0]
            for phase in PHASES
            for requirement in REQUIREMENTS
        }
    yield {"people": {**people, "anonymous": AnonymousUser()}, "processes": processes}
    with django_db_blocker.unblock():
        for process in processes.values():
            process.delete()
        for user in people.values():
            user.delete()


def decide(world, action, role, phase, requirement):
    user = world["people"][role]
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)  # a fresh request's user
    process = world["processes"][(phase, requirement)]
    return {
        "vote": lambda: rules.can_vote(user, process),
        "paper_ballot": lambda: rules.can_enter_paper_ballot(user, process),
        "see_results": lambda: rules.can_see_results(user, process),
        "declare_residence": lambda: rules.can_declare_residence(user, process),
        "manage_codes": lambda: rules.can_manage_codes(user, process),
        "verify_residents": lambda: rules.can_verify_residents(user),
    }[action]()


@pytest.mark.parametrize("requirement", REQUIREMENTS)
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_matrix(world, db, action, role, phase, requirement):
    decision = decide(world, action, role, phase, requirement)
    expected = EXPECTED[action](role, phase, requirement)
    assert bool(decision) is expected, (action, role, phase, requirement, decision)
    if not decision:
        assert decision.reason, "every refusal explains itself"


def test_vote_before_says_when_it_opens_and_after_when_it_closed(world, db):
    user = world["people"]["registered"]
    before = rules.can_vote(user, world["processes"][("before", "registered")])
    after = rules.can_vote(user, world["processes"][("after", "registered")])
    assert before.opens_at is not None and after.closed_at is not None


def test_results_before_the_end_say_when_they_appear(world, db):
    decision = rules.can_see_results(
        world["people"]["admin"], world["processes"][("during", "registered")]
    )
    assert decision.kind == rules.PHASE and decision.opens_at is not None
