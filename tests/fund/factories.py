from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from fund import services
from fund.models import Fund, FundPage
from portal.models import HomePage
from tests.intranet.factories import make_meeting, office_editor, world
from tests.portal.factories import UserFactory


def make_fund(slug, residents=8400, **fields):
    """A fund with its page and a jury (chair, minute-taker, 3 voting members, a guest) that
    meets in 14 days. Returns (fund, page, jury people, upcoming meeting)."""
    jury, people = world(f"jury-{slug}")
    meeting = make_meeting(jury, people["chair"], days=14, items=(), title="Jurysitzung")
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
    from intranet.services import meetings

    meeting.starts_at = timezone.now() - timedelta(hours=1)
    meeting.ends_at = timezone.now() + timedelta(hours=1)
    meeting.save()

    keys = keys or ("chair", "taker", "m1", "m2")
    meetings.record_attendance(
        meeting=meeting, user=people["taker"], statuses={people[k].pk: "present" for k in keys}
    )
