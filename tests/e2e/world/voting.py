"""Votes: a budget vote running now (verified residents, or self-declared and counted
apart), a yes/no vote with voting codes running now, and a finished vote with results."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from participation import states
from participation.models import Phase, ProcessPage, Proposal, ProposalStateChange, Street
from participation.models.voting import PAPER
from participation.voting import ballots, codes, identity, modes

from .accounts import office_staff, resident
from .common import home, publish, synchronise

STREETS = ["Lindenstraße", "Am Mühlbach", "Auenweg", "Gerberstraße", "Weidenring"]

BUDGET_PROPOSALS = [
    ("Hochbeete für den Schulhof", "Gemeinsam gärtnern mit der Grundschule.", "4500"),
    ("Lastenrad zum Ausleihen", "Ein Lastenrad für Einkäufe und Umzüge im Kiez.", "5200"),
    ("Beleuchtung am Auenweg", "Mehr Licht auf dem dunklen Fußweg zur Haltestelle.", "8000"),
    ("Sprachcafé im Nachbarschaftstreff", "Ein Jahr Sprachcafé mit Honorar und Tee.", "3000"),
    ("Tauschregal an der Bibliothek", "Ein wetterfestes Regal für Bücher und Spiele.", "900"),
    ("Sportgeräte im Weidenpark", "Drei Outdoor-Fitnessgeräte für alle Generationen.", "9500"),
]
STREET_PROPOSALS = [
    ("Spielstraße an Sommer-Sonntagen", "Von Juni bis August sonntags 10 bis 18 Uhr."),
    ("Zusätzlich in den Sommerferien mittwochs", "Mittwochs von 14 bis 19 Uhr."),
    ("Tempo 10 an den übrigen Tagen", "Verkehrsberuhigung auch außerhalb der Spielzeiten."),
]
FEST_PROPOSALS = [
    ("Kinderprogramm mit Zirkus", "Zirkusworkshop und Kinderschminken."),
    ("Bühne für Bands aus dem Kiez", "Lokale Bands und Chöre treten auf."),
    ("Internationales Buffet", "Nachbarinnen und Nachbarn kochen Gerichte aus aller Welt."),
    ("Flohmarkt", "Ein Flohmarkt auf dem Lindenplatz."),
]
# The finished vote's ballots (two choices each, by position in FEST_PROPOSALS); every
# fourth came in on paper.
FEST_BALLOTS = [(0, 1)] * 7 + [(0, 2)] * 4 + [(1, 2)] * 3 + [(1, 3)] * 2 + [(2, 3)]


def days(number):
    return timezone.now() + timedelta(days=number)


def published(process, author, title, description, budget=None, days_ago=30):
    """A proposal submitted and published during an earlier phase."""
    proposal = Proposal.objects.create(
        process=process,
        author=author,
        title=title,
        description=description,
        requested_budget=Decimal(budget) if budget else None,
        state=states.PUBLISHED,
        submitted_at=days(-days_ago),
    )
    for from_state, to_state in (("", states.SUBMITTED), (states.SUBMITTED, states.PUBLISHED)):
        ProposalStateChange.objects.create(
            proposal=proposal, from_state=from_state, to_state=to_state, actor=author
        )
    return proposal


def process_page(phases, **fields):
    process = ProcessPage(show_in_menus=False, **fields)
    for kind, start, end, rights in phases:
        process.phases.add(Phase(kind=kind, start=days(start), end=days(end), **rights))
    return publish(home(), process)


def budget_vote(author):
    process = process_page(
        [
            ("collecting", -60, -5, {"allows_submit": True, "allows_comment": True}),
            (
                "voting",
                -5,
                16,
                {"allows_vote": True, "allows_comment": True, "participants": "verified"},
            ),
            ("evaluation", 16, 60, {}),
        ],
        title="Kiezbudget Mühlbach-Süd 2027",
        slug="kiezbudget-2027",
        intro="20.000 Euro für den Kiez: Stimmen Sie ab, welche Vorschläge umgesetzt werden.",
        description="<p>Abstimmen können Bewohnerinnen und Bewohner ab 16 Jahren.</p>",
        budget=Decimal("20000"),
        voting_mode=modes.BUDGET,
        allow_self_declaration=True,
        require_age_16=True,
    )
    for title, description, budget in BUDGET_PROPOSALS:
        published(process, author, title, description, budget)
    return process


def code_vote(author):
    process = process_page(
        [
            ("voting", -3, 11, {"allows_vote": True, "participants": "code"}),
            ("evaluation", 11, 40, {}),
        ],
        title="Spielstraße Gerberstraße: Ja oder Nein?",
        slug="spielstrasse-gerberstrasse",
        intro="Soll die Gerberstraße an Sommer-Sonntagen zur Spielstraße werden?",
        description="<p>Sie brauchen kein Konto. Ihre Stimme ist geheim.</p>",
        voting_mode=modes.YESNO,
    )
    for title, description in STREET_PROPOSALS:
        published(process, author, title, description, days_ago=10)
    return process


def finished_vote(author, office):
    process = process_page(
        [
            ("voting", -40, -10, {"allows_vote": True, "participants": "code"}),
            ("implementation", -10, 200, {}),
        ],
        title="Sommerfest 2026: Was soll es geben?",
        slug="sommerfest-2026",
        intro="Das Stadtteilbüro hat Abstimmungscodes an alle Haushalte verteilt.",
        description="<p>Jeder Haushalt konnte zwei Programmpunkte wählen.</p>",
        voting_mode=modes.APPROVAL,
        votes_per_ballot=2,
        voting_decision="<p>Das Sommerfest bekommt das Kinderprogramm und die Bühne.</p>",
    )
    proposals = [
        published(process, author, title, description, days_ago=50)
        for title, description in FEST_PROPOSALS
    ]
    _batch, plain = codes.create_batch(
        process=process, size=len(FEST_BALLOTS), label="Briefe an alle Haushalte", user=office
    )
    for number, (picks, code_text) in enumerate(zip(FEST_BALLOTS, plain, strict=True)):
        paper = number % 4 == 0
        ballots.cast(
            process=process,
            voter=identity.for_code(codes.find(process, code_text)),
            choices={proposals[i].pk: 1 for i in picks},
            channel=PAPER if paper else "online",
            actor=office if paper else None,
        )
    return process


def build():
    for name in STREETS:
        Street.objects.get_or_create(name=name, defaults={"postcode": "99999"})
    author = resident("kiez.vorschlaege@example.org", first_name="Kai", last_name="Kiez")
    office = office_staff("abstimmung.buero@example.org")
    made = SimpleNamespace(
        budget=budget_vote(author),
        street=code_vote(author),
        fest=finished_vote(author, office),
    )
    synchronise()
    return made
