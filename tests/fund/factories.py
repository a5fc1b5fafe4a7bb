"""Test data for the fund, built from an empty site: the intranet's entry page under the
German home page, a jury workspace with its members, the jury's meetings, a fund with its
page, and applications in every state."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from fund import services
from fund.models import Application, Fund, FundPage
from fund.models.applications import State
from intranet.models import Membership
from intranet.services import meetings, workspaces
from portal.editorial import EDITORS
from portal.models import HomePage
from tests.portal.factories import UserFactory, with_mfa

# --- people and the jury --------------------------------------------------------------------


def fresh(user):
    """The user as a new request sees them (groups, permissions and caches reloaded)."""
    return type(user).objects.get(pk=user.pk)


def office_editor():
    """Office staff: group "Redaktion" (manages the fund and the intranet), with MFA."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    return with_mfa(fresh(user))


def intranet_index():
    """The intranet's entry page under the German home page (made if missing)."""
    return workspaces.ensure_intranet(HomePage.objects.get(locale__language_code="de"))


def make_body(slug, **fields):
    """A members-only workspace (a body) in the intranet."""
    fields.setdefault("title", f"Gremium {slug}")
    fields.setdefault("kind", "jury")
    return workspaces.create_workspace(intranet_index(), slug=slug, **fields)


def add_member(workspace, user=None, role="member", voting=True):
    user = user or UserFactory()
    Membership.objects.create(
        workspace=workspace,
        user=user,
        role=role,
        voting=voting and role != "guest",
        start=timezone.localdate() - timedelta(days=30),
    )
    return fresh(user)


def make_jury(slug, **fields):
    """A jury with a chair, a minute-taker, three voting members and a guest; returns
    (jury, people)."""
    jury = make_body(f"jury-{slug}", **fields)
    people = {
        "chair": add_member(jury, role="chair"),
        "taker": add_member(jury, role="minute_taker"),
        "m1": add_member(jury),
        "m2": add_member(jury),
        "m3": add_member(jury),
        "guest": add_member(jury, role="guest"),
    }
    return jury, {key: fresh(user) for key, user in people.items()}


def make_meeting(jury, chair, days=14, title="Jurysitzung"):
    """A meeting of the jury `days` from now (negative: it started that long ago)."""
    start = timezone.now() + timedelta(days=days)
    return meetings.save_meeting(
        workspace=jury,
        user=chair,
        data={"title": title, "starts_at": start, "ends_at": start + timedelta(hours=2)},
    )


# --- the fund and its page ------------------------------------------------------------------


def make_fund(slug, residents=8400, jury=None, **fields):
    """A fund with its page and a jury (chair, minute-taker, 3 voting members, a guest) that
    meets in 14 days. Returns (fund, page, jury people, upcoming meeting)."""
    if jury is None:
        jury, people = make_jury(slug)
    else:
        jury, people = jury
    meeting = make_meeting(jury, people["chair"])
    fields.setdefault("rule", "per_resident_small")
    fields.setdefault("flat_rate_percent", Decimal("5"))
    fund = Fund.objects.create(
        name=f"Fonds {slug}",
        area="Testgebiet",
        year=timezone.localdate().year,
        residents=residents,
        cap_per_application=Decimal("1500"),
        cost_types=["material", "food", "fees"],
        criteria="Im Gebiet\nEhrenamtlich",
        jury=jury,
        **fields,
    )
    home = HomePage.objects.get(locale__language_code="de")
    page = FundPage(title=f"Fonds {slug}", slug=f"fonds-{slug}", intro="Test", fund=fund)
    home.add_child(instance=page)
    page.save_revision().publish()
    return fund, page, people, meeting


# --- applications ---------------------------------------------------------------------------


def application_data(**overrides):
    today = timezone.localdate()
    data = {
        "applicant_type": "initiative",
        "contact_name": "Ada Antrag",
        "organisation": "Hof 3",
        "email": "",
        "phone": "",
        "title": "Hoffest",
        "description": "Ein Fest im Hof.",
        "aim": "Kennenlernen",
        "target_group": "alle",
        "place": "Hof",
        "starts_on": today + timedelta(days=30),
        "ends_on": today + timedelta(days=30),
        "volunteers": "Wir bauen auf.",
        "partners": "",
        "field_of_action": None,
        "requested_amount": Decimal("525.00"),
        "consent_name": True,
        "consent_photos": False,
        "self_check": ["Im Gebiet"],
    }
    data.update(overrides)
    return data


COSTS = [{"cost_type": "material", "description": "Bänke leihen", "amount": Decimal("500")}]


def submitted(fund, page, applicant=None, **overrides):
    applicant = applicant or UserFactory()
    costs = overrides.pop("costs", COSTS)
    data = application_data(**overrides)
    return services.save_application(
        fund=fund,
        user=applicant,
        data=data,
        costs=costs,
        income=[],
        page_url=page.url,
        submit=True,
    )


def scheduled(fund, page, staff=None, **overrides):
    application = submitted(fund, page, **overrides)
    services.formal_check(
        application=application,
        user=staff or office_editor(),
        outcome="complete",
        text="",
        page_url=page.url,
    )
    application.refresh_from_db()
    return application


def quorate(meeting, people, *keys):
    """The jury meeting is under way (it started an hour ago) with `keys` present."""
    meeting.starts_at = timezone.now() - timedelta(hours=1)
    meeting.ends_at = timezone.now() + timedelta(hours=1)
    meeting.save()

    keys = keys or ("chair", "taker", "m1", "m2")
    meetings.record_attendance(
        meeting=meeting, user=people["taker"], statuses={people[k].pk: "present" for k in keys}
    )


def in_state(fund, state, applicant=None, entered_by=None, agenda_item=None, **fields):
    """An application put straight into `state` (no workflow), for the rules: a grant and
    its dates where the state has them."""
    data = application_data(**fields)
    data.pop("self_check")
    today = timezone.localdate()
    funded = state in (State.APPROVED, State.SETTLEMENT, State.SETTLED)
    return Application.objects.create(
        fund=fund,
        applicant=applicant,
        entered_by=entered_by,
        consent_recorded=entered_by is not None,
        state=state,
        agenda_item=agenda_item,
        submitted_at=None if state == State.DRAFT else timezone.now() - timedelta(days=20),
        approved_amount=Decimal("500") if funded else None,
        decided_on=today - timedelta(days=5) if funded else None,
        settlement_due=today + timedelta(days=30) if funded else None,
        proven_amount=Decimal("420") if state == State.SETTLED else None,
        **data,
    )
