"""Demo votes: a budget ballot running now and a finished vote with results.

Kiezbudget: verified residents (or self-declared, counted separately) choose proposals within
20,000 euros. Sommerfest: a finished approval vote with voting codes, online and on paper.
Codes are drawn from a seeded generator so `load_demo` can print unused ones.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from participation import states
from participation.models import (
    Phase,
    ProcessPage,
    Proposal,
    ProposalStateChange,
    ResidentVerification,
    Street,
)
from participation.models.voting import PAPER
from participation.voting import ballots, codes, identity, modes

STREETS = [
    ("Lindenstraße", "99999"),
    ("Am Mühlbach", "99999"),
    ("Auenweg", "99999"),
    ("Birkenhof", "99999"),
    ("Gerberstraße", "99999"),
    ("Kastanienallee", "99999"),
    ("Lindenplatz", "99999"),
    ("Schleusenweg", "99999"),
    ("Weidenring", "99999"),
    ("Ziegeleistraße", "99999"),
]

BUDGET = {
    "title": "Kiezbudget Mühlbach-Süd 2027",
    "slug": "kiezbudget-2027",
    "intro": (
        "20.000 Euro für den Kiez: Stimmen Sie ab, welche Vorschläge aus der Nachbarschaft "
        "2027 umgesetzt werden."
    ),
    "description": (
        "<p>Abstimmen können Bewohnerinnen und Bewohner ab 16 Jahren, egal welche "
        "Staatsangehörigkeit. Lassen Sie sich im Stadtteilbüro bestätigen oder erklären Sie "
        "online, in welcher Straße Sie wohnen. Selbst erklärte Stimmen zählen wir getrennt.</p>"
    ),
}
BUDGET_EN = {
    BUDGET["title"]: "Neighbourhood budget Mühlbach-Süd 2027",
    BUDGET["intro"]: (
        "20,000 euros for the neighbourhood: vote on which proposals from residents are "
        "carried out in 2027."
    ),
}
BUDGET_PROPOSALS = [
    ("Hochbeete für den Schulhof", "Gemeinsam gärtnern mit der Grundschule.", "4500"),
    ("Lastenrad zum Ausleihen", "Ein Lastenrad für Einkäufe und Umzüge im Kiez.", "5200"),
    ("Beleuchtung am Auenweg", "Mehr Licht auf dem dunklen Fußweg zur Haltestelle.", "8000"),
    ("Sprachcafé im Nachbarschaftstreff", "Ein Jahr Sprachcafé mit Honorar und Tee.", "3000"),
    ("Tauschregal an der Bibliothek", "Ein wetterfestes Regal für Bücher und Spiele.", "900"),
    ("Sportgeräte im Weidenpark", "Drei Outdoor-Fitnessgeräte für alle Generationen.", "9500"),
]

FEST = {
    "title": "Sommerfest 2026: Was soll es geben?",
    "slug": "sommerfest-2026",
    "intro": "Das Stadtteilbüro hat Abstimmungscodes an alle Haushalte verteilt.",
    "description": "<p>Jeder Haushalt konnte zwei Programmpunkte wählen.</p>",
    "decision": (
        "<p>Das Sommerfest bekommt das Kinderprogramm und die Bühne für Bands aus dem "
        "Kiez. Die Planung übernimmt die Stadtteilkonferenz am 12. Februar.</p>"
    ),
}
FEST_EN = {
    FEST["title"]: "Summer festival 2026: what should it offer?",
    FEST["intro"]: "The neighbourhood office sent voting codes to every household.",
    "Jeder Haushalt konnte zwei Programmpunkte wählen.": "Each household could choose two items.",
    "Das Sommerfest bekommt das Kinderprogramm und die Bühne für Bands aus dem "
    "Kiez. Die Planung übernimmt die Stadtteilkonferenz am 12. Februar.": (
        "The summer festival will have the children's programme and the stage for local "
        "bands. The neighbourhood conference takes over the planning on 12 February."
    ),
}
FEST_PROPOSALS = [
    ("Kinderprogramm mit Zirkus", "Zirkusworkshop und Kinderschminken."),
    ("Bühne für Bands aus dem Kiez", "Lokale Bands und Chöre treten auf."),
    ("Internationales Buffet", "Nachbarinnen und Nachbarn kochen Gerichte aus aller Welt."),
    ("Flohmarkt", "Ein Flohmarkt auf dem Lindenplatz."),
    ("Fahrradwerkstatt", "Kostenlose Reparaturen mit der Fahrradinitiative."),
]


STREET_VOTE = {
    "title": "Spielstraße Gerberstraße: Ja oder Nein?",
    "slug": "spielstrasse-gerberstrasse",
    "intro": (
        "Soll die Gerberstraße an Sommer-Sonntagen zur Spielstraße werden? Abstimmen können "
        "die Haushalte mit dem Abstimmungscode aus ihrem Brief."
    ),
    "description": "<p>Sie brauchen kein Konto. Ihre Stimme ist geheim.</p>",
}
STREET_VOTE_EN = {
    STREET_VOTE["title"]: "Play street Gerberstraße: yes or no?",
    STREET_VOTE["intro"]: (
        "Should Gerberstraße become a play street on summer Sundays? Households vote with "
        "the voting code from their letter."
    ),
    "Sie brauchen kein Konto. Ihre Stimme ist geheim.": (
        "You do not need an account. Your vote is secret."
    ),
}
STREET_PROPOSALS = [
    ("Spielstraße an Sommer-Sonntagen", "Von Juni bis August sonntags 10 bis 18 Uhr."),
    ("Zusätzlich in den Sommerferien mittwochs", "Mittwochs von 14 bis 19 Uhr."),
    ("Tempo 10 an den übrigen Tagen", "Verkehrsberuhigung auch außerhalb der Spielzeiten."),
]


def _rng():
    return random.Random("quartier-demo-voting")


def demo_codes(count, rng):
    return ["".join(rng.choice(codes.ALPHABET) for _ in range(codes.LENGTH)) for _ in range(count)]


def ensure_streets():
    for name, postcode in STREETS:
        Street.objects.get_or_create(name=name, defaults={"postcode": postcode})


def _proposal(process, author, title, description, budget=None, days_ago=30):
    submitted = timezone.now() - timedelta(days=days_ago)
    proposal = Proposal.objects.create(
        process=process,
        author=author,
        title=title,
        description=description,
        requested_budget=Decimal(budget) if budget else None,
        state=states.PUBLISHED,
        submitted_at=submitted,
    )
    for from_state, to_state in (("", states.SUBMITTED), (states.SUBMITTED, states.PUBLISHED)):
        ProposalStateChange.objects.create(
            proposal=proposal, from_state=from_state, to_state=to_state, actor=author
        )
    return proposal


def _process(home, spec, **fields):
    existing = ProcessPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing:
        return existing, False
    process = ProcessPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        description=spec["description"],
        show_in_menus=False,
        **fields,
    )
    return process, True


def build_budget_vote(home, users):
    process, new = _process(
        home,
        BUDGET,
        budget=Decimal("20000"),
        voting_mode=modes.BUDGET,
        allow_self_declaration=True,
        require_age_16=True,
    )
    if not new:
        return process
    now = timezone.now()
    process.phases.add(
        Phase(
            kind="collecting",
            start=now - timedelta(days=60),
            end=now - timedelta(days=5),
            allows_submit=True,
            allows_comment=True,
        )
    )
    process.phases.add(
        Phase(
            kind="voting",
            start=now - timedelta(days=5),
            end=now + timedelta(days=16),
            allows_vote=True,
            allows_comment=True,
            participants="verified",
        )
    )
    process.phases.add(
        Phase(kind="evaluation", start=now + timedelta(days=16), end=now + timedelta(days=60))
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    for title, description, budget in BUDGET_PROPOSALS:
        _proposal(process, users["resident"], title, description, budget)
    ResidentVerification.objects.update_or_create(
        user=users["resident"],
        defaults={
            "method": ResidentVerification.OFFICE,
            "age_16": True,
            "verified_by": users["leitung"],
        },
    )
    return process


def build_finished_vote(home, users):
    process, new = _process(
        home,
        FEST,
        voting_mode=modes.APPROVAL,
        votes_per_ballot=2,
        voting_decision=FEST["decision"],
    )
    if not new:
        return process
    now = timezone.now()
    process.phases.add(
        Phase(
            kind="voting",
            start=now - timedelta(days=40),
            end=now - timedelta(days=10),
            allows_vote=True,
            participants="code",
        )
    )
    process.phases.add(
        Phase(kind="implementation", start=now - timedelta(days=10), end=now + timedelta(days=200))
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    proposals = [
        _proposal(process, users["resident"], title, description, days_ago=50)
        for title, description in FEST_PROPOSALS
    ]
    rng = _rng()
    plain = demo_codes(60, rng)
    codes.create_batch(
        process=process,
        size=len(plain),
        label="Briefe an alle Haushalte",
        user=users["admin"],
        plain=plain,
    )
    weights = [9, 7, 6, 3, 2]
    for number, code_text in enumerate(plain[:48]):
        picks = set()
        while len(picks) < 2:
            picks.add(rng.choices(range(len(proposals)), weights=weights)[0])
        voter = identity.for_code(codes.find(process, code_text))
        paper = number % 8 == 0
        ballots.cast(
            process=process,
            voter=voter,
            choices={proposals[i].pk: 1 for i in picks},
            channel=PAPER if paper else "online",
            actor=users["editor"] if paper else None,
        )
    return process


def build_code_vote(home, users):
    """A yes/no vote with voting codes, running now; returns unused demo codes to print."""
    process, new = _process(home, STREET_VOTE, voting_mode=modes.YESNO)
    plain = demo_codes(30, random.Random("quartier-demo-spielstrasse"))
    if new:
        now = timezone.now()
        process.phases.add(
            Phase(
                kind="voting",
                start=now - timedelta(days=3),
                end=now + timedelta(days=11),
                allows_vote=True,
                participants="code",
            )
        )
        process.phases.add(
            Phase(kind="evaluation", start=now + timedelta(days=11), end=now + timedelta(days=40))
        )
        home.add_child(instance=process)
        process.save_revision().publish()
        for title, description in STREET_PROPOSALS:
            _proposal(process, users["resident"], title, description, days_ago=10)
        codes.create_batch(
            process=process,
            size=len(plain),
            label="Briefe an die Haushalte der Gerberstraße",
            user=users["leitung"],
            plain=plain,
        )
    return process, [codes.pretty(code) for code in plain if codes.is_unused(process, code)][:2]


def translate_voting(voting, locales):
    from .build import translate

    for key, strings in (("budget", BUDGET_EN), ("fest", FEST_EN), ("street", STREET_VOTE_EN)):
        existing = voting[key].get_translation_or_none(locales["en"])
        if existing is None or existing.alias_of_id:
            translate(voting[key], locales["en"], strings)


def build_voting(home, users):
    ensure_streets()
    budget = build_budget_vote(home, users)
    fest = build_finished_vote(home, users)
    street, unused = build_code_vote(home, users)
    return {"budget": budget, "fest": fest, "street": street, "codes": unused}
