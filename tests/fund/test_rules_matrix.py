"""Every rule in fund/rules.py × every role × every application state (and where it matters:
the meeting not yet started, running or with its minutes closed; circulation allowed by the
jury or not, or already running; an application entered by the office; a settlement past
its deadline), with the expected answer per cell: allowed, or the kind of refusal."""

import pytest

from core.rules import LOGIN, PHASE, ROLE, STATE
from fund import rules
from fund.models.applications import AWAITING_JURY, FUNDED, State

from .matrix import CASES, JURY_SEES, RECORDS_MINUTES, ROLES, STAFF, STARTS_CIRCULATION, Case

pytestmark = pytest.mark.django_db


# --- the expected answer per cell: None (allowed) or the kind of refusal --------------------


def _owns(role, case):
    """The applicant of their own application, or the office for one it entered."""
    if case.owner == "assisted":
        return role in STAFF
    return role == "applicant"


def expect_view(role, case):
    if (case.owner == "applicant" and role == "applicant") or role in STAFF:
        return None
    if case.state != State.DRAFT and role in JURY_SEES:
        return None
    return LOGIN if role == "anonymous" else ROLE


def expect_edit(role, case):
    if not _owns(role, case):
        return ROLE
    return None if case.state in (State.DRAFT, State.QUESTION) else STATE


def expect_check(role, case):
    if role not in STAFF:
        return ROLE
    return None if case.state == State.SUBMITTED else STATE


def expect_decide(role, case):
    if role not in RECORDS_MINUTES:
        return ROLE
    if case.state != State.SCHEDULED:
        return STATE
    if case.meeting == "upcoming":
        return PHASE
    if case.meeting == "closed":
        return STATE  # the intranet: the minutes are no longer a draft
    return None


def expect_agreement(role, case):
    seeing = expect_view(role, case)
    if seeing:
        return seeing
    return None if case.state in FUNDED else STATE


def expect_payment(role, case):
    if role not in STAFF:
        return ROLE
    return None if case.state in (State.APPROVED, State.SETTLEMENT) else STATE


def expect_settle(role, case):
    if not _owns(role, case):
        return ROLE
    if case.state != State.APPROVED:
        return STATE
    return PHASE if case.overdue else None


def expect_check_settlement(role, case):
    if role not in STAFF:
        return ROLE
    return None if case.state == State.SETTLEMENT else STATE


def expect_circulate(role, case):
    if not case.circulation or role not in STARTS_CIRCULATION:
        return ROLE
    if case.state not in AWAITING_JURY or case.circulating:
        return STATE
    return None


def expect_extend(role, case):
    if role not in STAFF:
        return ROLE
    return None if case.state == State.APPROVED else STATE


def expect_contact(role, case):
    if (case.owner == "applicant" and role == "applicant") or role in STAFF:
        return None
    return LOGIN if role == "anonymous" else ROLE


def expect_receipts(role, case):
    """Applicants, the office and the jury (once submitted); nobody else."""
    return expect_view(role, case)


APPLICATION_RULES = {
    "can_extend_deadline": expect_extend,
    "can_view_contact": expect_contact,
    "can_view_bank_details": expect_contact,
    "can_view_receipts": expect_receipts,
    "can_view": expect_view,
    "can_edit": expect_edit,
    "can_check": expect_check,
    "can_decide": expect_decide,
    "can_view_agreement": expect_agreement,
    "can_record_payment": expect_payment,
    "can_settle": expect_settle,
    "can_check_settlement": expect_check_settlement,
    "can_circulate": expect_circulate,
}


def expect_apply(role, fund_open):
    if not fund_open:
        return PHASE
    return LOGIN if role == "anonymous" else None


FUND_RULES = {
    "can_apply": lambda role, fund_open: expect_apply(role, fund_open),
    "can_enter_for_applicant": lambda role, fund_open: None if role in STAFF else ROLE,
    "can_view_ledger": lambda role, fund_open: None if role in STAFF or role in JURY_SEES else ROLE,
    "can_see_report": lambda role, fund_open: None if role in STAFF else ROLE,
}


def _answer(decision):
    return None if decision else decision.kind


# --- the matrix -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("rule", sorted(APPLICATION_RULES))
def test_application_rules(world, rule, role):
    user = world["people"][role]
    wrong = []
    for case in CASES:
        decision = getattr(rules, rule)(user, world["applications"][case])
        expected = APPLICATION_RULES[rule](role, case)
        if _answer(decision) != expected:
            wrong.append(f"{case}: expected {expected or 'allowed'}, got {_answer(decision)}")
        elif not decision:
            assert decision.reason, "every refusal explains itself"
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("rule", sorted(FUND_RULES))
def test_fund_rules(world, rule, role):
    user = world["people"][role]
    for fund_open, fund in world["funds"].items():
        arguments = (user,) if rule == "can_see_report" else (user, fund)
        decision = getattr(rules, rule)(*arguments)
        assert _answer(decision) == FUND_RULES[rule](role, fund_open), (rule, role, fund_open)
        assert decision or decision.reason


def test_deciding_before_the_meeting_says_when_it_opens(world):
    case = Case(State.SCHEDULED, meeting="upcoming")
    application = world["applications"][case]
    decision = rules.can_decide(world["people"]["chair"], application)
    assert decision.kind == PHASE
    assert decision.opens_at == application.agenda_item.meeting.starts_at


def test_every_state_is_in_the_matrix():
    assert {case.state for case in CASES} == set(State.values)
