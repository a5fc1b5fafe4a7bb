"""The matrix of the fund's rules: the roles, the applications (one per state and
situation) and the world they live in, built once per test module (tests/fund/conftest.py)."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone

from fund.models.applications import AWAITING_JURY, State
from intranet import interface as intranet
from intranet.models import Meeting
from intranet.services import circulation, meetings
from tests.portal.factories import UserFactory

from .factories import add_member, fresh, in_state, make_body, make_fund, office_editor

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
    """The same people hold the same roles in each jury; returns (jury, {"chair": …}) as
    make_fund takes it."""
    jury = make_body(f"jury-{slug}", allows_circulation=allows_circulation)
    for key, role in (
        ("chair", "chair"),
        ("minute_taker", "minute_taker"),
        ("jury_member", "member"),
        ("jury_guest", "guest"),
    ):
        add_member(jury, people[key], role=role)
    return jury, {"chair": fresh(people["chair"])}


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


def build_world():
    """Everyone, both funds (with and without circulation) with an application per case, and
    a fund closed for applications."""
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
    return {
        "people": people,
        "funds": {True: funds[False][0], False: closed_fund},  # by "open"
        "pages": funds,
        "applications": applications,
    }
