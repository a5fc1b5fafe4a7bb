"""The demo fund (data/fund.yaml): Aktionsfonds Mühlbach-Süd with applications in every
stage. Applications go through the services where the workflow allows it; past decisions are
written directly (their meetings' minutes are already closed)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from fund import services
from fund.models import Application, Fund, FundPage
from fund.models import applications as a
from intranet.models import WorkspacePage

from . import loader
from .translate import translate_everywhere

# Texts an application takes over as they are; the others are dates, amounts and bookings.
TEXTS = (
    "applicant_type",
    "contact_name",
    "organisation",
    "description",
    "aim",
    "target_group",
    "place",
    "volunteers",
    "report",
    "conditions",
    "question",
)


def decision_fields(fund, spec, ends_on):
    """Amounts and dates of a decided application (nothing for an undecided one)."""
    fields = {}
    for amount in ("approved_amount", "proven_amount"):
        if amount in spec:
            fields[amount] = loader.money(spec[amount])
    if "decided_days_from_today" in spec:
        fields["decided_on"] = loader.day(spec["decided_days_from_today"])
    if "settlement_due_days_from_today" in spec:
        fields["settlement_due"] = loader.day(spec["settlement_due_days_from_today"])
    elif spec["state"] == a.APPROVED:
        fields["settlement_due"] = ends_on + timedelta(days=fund.settlement_days)
    return fields


def add_application(fund, resident, spec):
    action_day = loader.day(spec["action_days_from_today"])
    application = Application.objects.create(
        fund=fund,
        applicant=resident,
        email=resident.email,
        title=spec["title"],
        starts_on=action_day,
        ends_on=action_day,
        requested_amount=loader.money(spec["requested_amount"]),
        state=spec["state"],
        submitted_at=loader.moment(spec["submitted_days_from_today"]),
        consent_name=True,
        consent_photos=True,
        self_check=fund.criteria_list,
        **{key: spec[key] for key in TEXTS if key in spec},
        **decision_fields(fund, spec, action_day),
    )
    application.costs.create(
        cost_type="material",
        description=spec["cost_description"],
        amount=loader.money(spec["requested_amount"]),
    )
    services._event(application, a.SUBMITTED, resident)
    return application


def new_fund(spec):
    jury = WorkspacePage.objects.filter(slug=spec["jury"], locale__language_code="de").first()
    if jury is None:
        return None
    return Fund.objects.create(
        name=spec["name"],
        area=spec["area"],
        year=timezone.localdate().year,
        rule=spec["rule"],
        cap_per_application=loader.money(spec["cap_per_application"]),
        flat_rate_percent=loader.money(spec["flat_rate_percent"]),
        cost_types=spec["cost_types"],
        criteria="\n".join(spec["criteria"]),
        jury=jury,
    )


@transaction.atomic
def build_fund(home, users):
    existing = FundPage.objects.child_of(home).first()
    data = loader.load("fund")
    fund = None if existing else new_fund(data["fund"])
    if fund is None:
        return existing
    page = FundPage(
        title=data["page"]["title"],
        slug=data["page"]["slug"],
        intro=data["page"]["intro"],
        fund=fund,
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    resident, office = users["resident"], users["leitung"]
    specs = [data["application_defaults"] | spec for spec in data["applications"]]
    applications = [add_application(fund, resident, spec) for spec in specs]
    locked = Fund.objects.select_for_update().get(pk=fund.pk)
    for application, spec in zip(applications, specs, strict=True):
        for booking in spec.get("bookings", []):
            amount = loader.money(booking["amount"])
            note = booking.get("note", "")
            services._book(locked, application, booking["kind"], amount, office, note)
    for application, spec in zip(applications, specs, strict=True):
        if spec.get("schedule"):
            services._schedule(application, office)
    return page


def translate_fund(page, locales):
    if page is not None:
        spec = loader.load("fund")["page"]
        translate_everywhere(page, spec, locales, "pages", spec["slug"])
