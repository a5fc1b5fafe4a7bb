"""The demo fund: Aktionsfonds Mühlbach-Süd with applications in every stage. Applications
go through the services where the workflow allows it; past decisions are written directly
(their meetings' minutes are already closed)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fund import services
from fund.models import Application, Fund, FundPage
from fund.models import applications as a
from fund.models import ledger as entries
from intranet.models import WorkspacePage

CRITERIA = """Die Aktion findet im Gebiet Mühlbach-Süd statt und nützt der Nachbarschaft.
Die Aktion wird ehrenamtlich getragen (Arbeit, Räume, Standdienst).
Ohne die Förderung würde die Aktion nicht stattfinden.
Honorare gehen nicht an die Antragstellenden selbst."""

PAGE = {
    "title": "Aktionsfonds",
    "slug": "aktionsfonds",
    "intro": (
        "Bis zu 1.500 € für Ihre Aktion in der Nachbarschaft: Hoffest, Kiezputz, "
        "Sprachcafé oder Kinderfest. Eine Jury aus Bewohnerinnen und Bewohnern entscheidet."
    ),
}
PAGE_EN = {
    "Aktionsfonds": "Neighbourhood action fund",
    PAGE["intro"]: (
        "Up to 1,500 euros for your action in the neighbourhood: courtyard party, clean-up, "
        "language café or children's festival. A jury of residents decides."
    ),
}


def _application(fund, resident, title, amount, state, **extra):
    today = timezone.localdate()
    application = Application.objects.create(
        fund=fund,
        applicant=resident,
        applicant_type="initiative",
        contact_name="Sam Bewohnerin (Demo)",
        organisation=extra.pop("organisation", "Hofgemeinschaft Lindenstraße"),
        email=resident.email,
        title=title,
        description="Eine Aktion von Nachbarinnen und Nachbarn für die Nachbarschaft.",
        aim="Menschen im Kiez lernen sich kennen.",
        target_group="alle Nachbarinnen und Nachbarn",
        place="Lindenstraße 12, Innenhof",
        starts_on=extra.pop("starts_on", today + timedelta(days=30)),
        ends_on=extra.pop("ends_on", today + timedelta(days=30)),
        volunteers="Acht Nachbarinnen und Nachbarn bauen auf und ab.",
        requested_amount=Decimal(amount),
        state=state,
        submitted_at=timezone.now() - timedelta(days=20),
        consent_name=True,
        consent_photos=True,
        self_check=fund.criteria_list,
        **extra,
    )
    application.costs.create(
        cost_type="material", description="Material und Dekoration", amount=Decimal(amount)
    )
    services._event(application, a.SUBMITTED, resident)
    return application


@transaction.atomic
def build_fund(home, users):
    jury = WorkspacePage.objects.filter(slug="aktionsfondsjury", locale__language_code="de").first()
    if jury is None or FundPage.objects.child_of(home).exists():
        return FundPage.objects.child_of(home).first()
    year = timezone.localdate().year
    fund = Fund.objects.create(
        name="Aktionsfonds",
        area="Mühlbach-Süd",
        year=year,
        rule="per_resident_small",
        cap_per_application=Decimal("1500"),
        flat_rate_percent=Decimal("5"),
        cost_types=["material", "purchase", "fees", "rent", "food", "publicity"],
        criteria=CRITERIA,
        jury=jury,
    )
    page = FundPage(
        title=PAGE["title"], slug=PAGE["slug"], intro=PAGE["intro"], fund=fund, show_in_menus=True
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    resident, office = users["resident"], users["leitung"]
    today = timezone.localdate()
    # Settled: the summer courtyard cinema, with report and the money moved.
    cinema = _application(
        fund,
        resident,
        "Kiezkino im Hof",
        "900",
        a.SETTLED,
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=60),
    )
    cinema.approved_amount, cinema.proven_amount = Decimal("900"), Decimal("845.50")
    cinema.decided_on = today - timedelta(days=80)
    cinema.settlement_due = today - timedelta(days=32)
    cinema.report = "Drei Filmabende mit jeweils rund 60 Gästen aus dem Haus und der Straße."
    cinema.save()
    # Approved, waiting for the action and the settlement.
    festival = _application(
        fund,
        resident,
        "Kinderfest am Weidenring",
        "1200",
        a.APPROVED,
        organisation="Elterninitiative Weidenring",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=10),
    )
    festival.approved_amount = Decimal("1000")
    festival.conditions = "Die Hüpfburg wird nicht gefördert."
    festival.decided_on = today - timedelta(days=21)
    festival.settlement_due = festival.ends_on + timedelta(days=fund.settlement_days)
    festival.save()
    locked = Fund.objects.select_for_update().get(pk=fund.pk)
    services._book(locked, cinema, entries.COMMIT, Decimal("900"), office)
    services._book(locked, cinema, entries.PAY, Decimal("845.50"), office)
    services._book(locked, cinema, entries.RELEASE, Decimal("54.50"), office)
    services._book(locked, festival, entries.COMMIT, Decimal("1000"), office)
    services._book(locked, festival, entries.PAY, Decimal("500"), office, "Vorschuss")
    # Submitted, waiting for the office's check; and one with a question.
    _application(
        fund,
        resident,
        "Sprachcafé am Samstag",
        "650",
        a.SUBMITTED,
        organisation="Nachbarschaftstreff",
    )
    question = _application(fund, resident, "Kiezputz im Frühling", "300", a.QUESTION)
    question.question = "Bitte nennen Sie, wo die Müllsäcke entsorgt werden."
    question.save()
    # Complete and on the agenda of the jury's next meeting.
    bench = _application(fund, resident, "Bänke für den Lindenplatz-Garten", "1400", a.SUBMITTED)
    services._schedule(bench, office)
    return page


def translate_fund(page, locales):
    from .build import translate

    if page is None:
        return
    existing = page.get_translation_or_none(locales["en"])
    if existing is None or existing.alias_of_id:
        translate(page, locales["en"], PAGE_EN)
