"""Every rule in fund/rules.py × every role × every application state (and where it matters:
the meeting not yet started, running or with its minutes closed; circulation allowed by the
jury or not, or already running; an application entered by the office; a settlement past
its deadline), with the expected answer per cell: allowed, or the kind of refusal.

And the rules the intranet enforces again in its own services are composed from the
intranet's: where the intranet refuses, the fund refuses too, and where the fund allows
deciding or circulating, the service is not refused (by the fund or the intranet)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.db import transaction
from django.utils import timezone

from core.refusals import NotAllowed
from core.rules import LOGIN, PHASE, ROLE, STATE
from fund import rules, services
from fund.models.applications import AWAITING_JURY, FUNDED, State
from intranet import interface as intranet
from intranet.models import Meeting
from intranet.services import circulation, meetings
from tests.portal.factories import UserFactory

from .factories import add_member, fresh, in_state, make_body, make_fund, office_editor

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "resident",  # registered, nothing to do with the fund
    "applicant",  # the account that applied
    "other_applicant",  # applied for something else in the same fund
    "office",  # office staff (group "Redaktion": fund and intranet)
    "fund_clerk",  # only the fund's permission, not the intranet's
    "jury_member",  # voting member of the jury
    "jury_guest",  # guest of the jury (sees the workspace, no vote)
    "chair",  # chairs the jury
    "minute_taker",  # keeps the jury's minutes
    "other_body",  # member of another body in the intranet
    "admin",  # superuser
]
STAFF = {"office", "fund_clerk", "admin"}  # fund.manage_fund
JURY_SEES = {"jury_member", "jury_guest", "chair", "minute_taker", "office", "admin"}
RECORDS_MINUTES = {"chair", "minute_taker", "office", "admin"}  # the intranet's minutes rule
STARTS_CIRCULATION = {"chair", "office", "admin"}  # the intranet's circulation rule


@dataclass(frozen=True)
class Case:
    """One application in the matrix."""

    state: str
    owner: str = "applicant"  # or "assisted": entered by the office for someone
    meeting: str = ""  # scheduled: "upcoming", "running" or "closed" (minutes circulated)
    circulation: bool = False  # the jury allows decisions by circulation
    circulating: bool = False  # a circulation about it is running
    overdue: bool = False  # the settlement deadline has passed

    def __str__(self):
        flags = [self.owner, self.meeting, "circ" * self.circulation]
        flags += ["running-circ" * self.circulating, "overdue" * self.overdue]
        return "/".join([self.state, *filter(None, flags)])


def _cases():
    cases = []
    for allows in (False, True):
        for state in State:
            meeting = "running" if state == State.SCHEDULED else ""
            cases.append(Case(state, meeting=meeting, circulation=allows))
        for meeting in ("upcoming", "closed"):
            cases.append(Case(State.SCHEDULED, meeting=meeting, circulation=allows))
    for state in State:
        meeting = "running" if state == State.SCHEDULED else ""
        cases.append(Case(state, owner="assisted", meeting=meeting))
    for state in AWAITING_JURY:
        meeting = "running" if state == State.SCHEDULED else ""
        cases.append(Case(state, meeting=meeting, circulation=True, circulating=True))
    cases.append(Case(State.APPROVED, overdue=True))
    cases.append(Case(State.APPROVED, owner="assisted", overdue=True))
    return cases


CASES = _cases()


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


APPLICATION_RULES = {
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


# --- the world: built once, rolled back after the module ------------------------------------


def _people():
    admin = UserFactory(is_superuser=True, is_staff=True)
    clerk = UserFactory()
    clerk.user_permissions.add(
        Permission.objects.get(content_type__app_label="fund", codename="manage_fund")
    )
    other_body = make_body("anderes-gremium")
    return {
        "resident": UserFactory(),
        "applicant": UserFactory(),
        "other_applicant": UserFactory(),
        "office": office_editor(),
        "fund_clerk": fresh(clerk),
        "jury_member": UserFactory(),
        "jury_guest": UserFactory(),
        "chair": UserFactory(),
        "minute_taker": UserFactory(),
        "other_body": add_member(other_body),
        "admin": fresh(admin),
    }


def _jury(slug, people, allows_circulation):
    """The same people hold the same roles in each jury."""
    jury = make_body(f"jury-{slug}", allows_circulation=allows_circulation)
    for key, role in (
        ("chair", "chair"),
        ("minute_taker", "minute_taker"),
        ("jury_member", "member"),
        ("jury_guest", "guest"),
    ):
        add_member(jury, people[key], role=role)
    members = {key: fresh(people[key]) for key in ("chair", "minute_taker", "jury_member")}
    return jury, {"chair": members["chair"]}


def _meetings(fund, upcoming, people):
    """The fund's upcoming meeting, one running now (all voting members present) and one
    whose minutes are circulated."""
    now = timezone.now()
    running = meetings.save_meeting(
        workspace=fund.jury,
        user=people["chair"],
        data={
            "title": "Laufende Sitzung",
            "starts_at": now - timedelta(hours=1),
            "ends_at": now + timedelta(hours=1),
        },
    )
    voters = [people[key] for key in ("chair", "minute_taker", "jury_member")]
    meetings.record_attendance(
        meeting=running,
        user=people["minute_taker"],
        statuses={person.pk: "present" for person in voters},
    )
    closed = meetings.save_meeting(
        workspace=fund.jury,
        user=people["chair"],
        data={
            "title": "Vergangene Sitzung",
            "starts_at": now - timedelta(days=2),
            "ends_at": now - timedelta(days=2) + timedelta(hours=2),
        },
    )
    Meeting.objects.filter(pk=closed.pk).update(minutes_state="circulated")
    return {"upcoming": upcoming, "running": running, "closed": Meeting.objects.get(pk=closed.pk)}


def _application(case, fund, meeting_by_name, people):
    item = None
    if case.meeting:
        item = intranet.append_item(
            meeting_by_name[case.meeting], title=f"Antrag {case}", public=False
        )
    application = in_state(
        fund,
        case.state,
        applicant=people["applicant"] if case.owner == "applicant" else None,
        entered_by=people["office"] if case.owner == "assisted" else None,
        agenda_item=item,
        title=f"Antrag {case}",
    )
    if case.overdue:
        application.settlement_due = timezone.localdate() - timedelta(days=1)
        application.save(update_fields=["settlement_due"])
    if case.circulating:
        application.circulation = circulation.start(
            workspace=fund.jury,
            user=people["chair"],
            title=application.title,
            text="Bewilligen?",
            deadline=timezone.now() + timedelta(days=3),
        )
        application.save(update_fields=["circulation"])
    return application


def _fresh_people(people):
    return {key: fresh(user) for key, user in people.items()}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the whole matrix inside a transaction that is rolled back at the end;
    each test runs in a savepoint within it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            people = _people()
            funds, applications, juries = {}, {}, {}
            for allows in (False, True):
                jury = juries[allows] = _jury(f"matrix-{int(allows)}", people, allows)
                fund, page, _chair, upcoming = make_fund(f"matrix-{int(allows)}", jury=jury)
                funds[allows] = (fund, page)
                people = _fresh_people(people)
                by_name = _meetings(fund, upcoming, people)
                for case in CASES:
                    if case.circulation == allows:
                        applications[case] = _application(case, fund, by_name, people)
            in_state(funds[False][0], State.SUBMITTED, applicant=people["other_applicant"])
            closed_fund, _page, _chair, _meeting = make_fund("matrix-closed", jury=juries[False])
            closed_fund.open_for_applications = False
            closed_fund.save()
            people = {**_fresh_people(people), "anonymous": AnonymousUser()}
            yield {
                "people": people,
                "funds": {True: funds[False][0], False: closed_fund},  # by "open"
                "pages": funds,
                "applications": applications,
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


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


# --- composed from the intranet's rules ----------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_seeing_the_jury_is_the_intranets_workspace_rule(world, role):
    user = world["people"][role]
    for fund, _page in world["pages"].values():
        assert rules.is_jury(user, fund) == bool(intranet.can_view_workspace(user, fund.jury))


def _application_now(world, case):
    """The application as the database has it (services change the objects they get)."""
    from fund.models import Application

    return Application.objects.select_related("fund__jury", "agenda_item__meeting").get(
        pk=world["applications"][case].pk
    )


def _decide(world, case, user):
    _fund, page = world["pages"][case.circulation]
    return services.decide(
        application=_application_now(world, case),
        user=user,
        amount=Decimal("500"),
        conditions="",
        yes=3,
        no=0,
        abstain=0,
        page_url=page.url,
    )


def _circulate(world, case, user):
    _fund, page = world["pages"][case.circulation]
    return services.start_circulation(
        application=_application_now(world, case),
        user=user,
        amount=Decimal("300"),
        conditions="",
        deadline=timezone.now() + timedelta(days=3),
        page_url=page.url,
    )


def _outcome(call):
    """Run a service in a savepoint that is rolled back: its result, or what refused it."""
    try:
        with transaction.atomic():
            result = call()
            transaction.set_rollback(True)
            return result
    except NotAllowed as refused:
        return refused


@pytest.mark.parametrize("role", ROLES)
def test_deciding_is_offered_only_where_the_intranet_records_it(world, role):
    user = world["people"][role]
    for case in CASES:
        application = world["applications"][case]
        fund_says = rules.can_decide(user, application)
        if application.agenda_item_id:
            intranet_says = intranet.can_record_decision(user, application.agenda_item.meeting)
            assert intranet_says or not fund_says, case
        outcome = _outcome(lambda case=case: _decide(world, case, user))
        if fund_says:
            assert not isinstance(outcome, NotAllowed), (case, outcome)
            assert outcome.carried, case
        else:
            assert isinstance(outcome, NotAllowed), case
            assert outcome.decision == fund_says, case


@pytest.mark.parametrize("role", ROLES)
def test_circulating_is_offered_only_where_the_intranet_starts_it(world, role):
    user = world["people"][role]
    for case in CASES:
        application = world["applications"][case]
        fund_says = rules.can_circulate(user, application)
        intranet_says = intranet.can_start_circulation(user, application.fund.jury)
        assert intranet_says or not fund_says, case
        outcome = _outcome(lambda case=case: _circulate(world, case, user))
        if fund_says:
            assert not isinstance(outcome, NotAllowed), (case, outcome)
            assert outcome.pk, case
        else:
            assert isinstance(outcome, NotAllowed), case
            assert outcome.decision == fund_says, case
