"""A participation process collecting ideas now, with proposals in several states."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from participation import services, states
from participation.models import Phase, ProcessPage

from .accounts import administrator, resident
from .common import home, publish, synchronise

PROPOSALS = [
    # title, description, place, budget, path of office decisions
    (
        "Schattige Sitzbänke unter den Linden",
        "Mehr Bänke im Schatten, damit Ältere beim Einkaufen eine Pause machen können.",
        "Lindenplatz, Nordseite",
        "2400",
        [states.PUBLISHED],
    ),
    (
        "Trinkbrunnen",
        "Ein Trinkbrunnen für heiße Sommertage, für Kinder und Sportgruppen.",
        "Lindenplatz, am Spielplatz",
        "6000",
        [states.PUBLISHED, states.EVALUATION],
    ),
    (
        "Bühne für Nachbarschaftsfeste",
        "Eine kleine feste Bühne für Musik, Lesungen und das Straßenfest.",
        "Lindenplatz, Südseite",
        "9000",
        [states.PUBLISHED],
    ),
    (
        "Tischtennisplatte",
        "Eine wetterfeste Tischtennisplatte für Jugendliche.",
        "Lindenplatz",
        "1800",
        [states.PUBLISHED, states.EVALUATION, states.ACCEPTED],
    ),
    (
        "Parkplätze statt Wiese",
        "Die Wiese in Parkplätze umwandeln.",
        "Lindenplatz",
        "",
        [states.REJECTED],
    ),
]
REJECTION = "Die Wiese bleibt: Sie ist als Grünfläche im Bebauungsplan festgesetzt."


def phases(process, now):
    process.phases.add(
        Phase(kind="information", start=now - timedelta(days=40), end=now - timedelta(days=20))
    )
    process.phases.add(
        Phase(
            kind="collecting",
            start=now - timedelta(days=20),
            end=now + timedelta(days=25),
            allows_submit=True,
            allows_comment=True,
            allows_support=True,
        )
    )
    process.phases.add(
        Phase(kind="evaluation", start=now + timedelta(days=25), end=now + timedelta(days=60))
    )
    process.phases.add(
        Phase(kind="implementation", start=now + timedelta(days=60), end=now + timedelta(days=400))
    )


def build_process():
    process = ProcessPage(
        title="Ideen für den Lindenplatz",
        slug="ideen-lindenplatz",
        intro="Der Lindenplatz wird neu gestaltet. Sammeln Sie mit uns Ideen.",
        description="<p>Vorschläge mit mindestens 10 Unterstützungen prüft das Büro.</p>",
        budget=Decimal("15000"),
        support_threshold=10,
        show_in_menus=True,
    )
    phases(process, timezone.now())
    publish(home(), process)
    synchronise()
    author = resident("ideen.autorin@example.org", first_name="Ida", last_name="Ideen")
    office = administrator("ideen.buero@example.org")
    proposals = {}
    for title, description, place, budget, path in PROPOSALS:
        proposal = services.proposal_create(
            process=process,
            author=author,
            data={
                "title": title,
                "description": description,
                "place": place,
                "requested_budget": Decimal(budget) if budget else None,
            },
            submit=True,
        )
        for state in path:
            proposal = services.proposal_decide(
                proposal=proposal,
                user=office,
                to_state=state,
                reason=REJECTION if state == states.REJECTED else "",
            )
        proposals[title] = proposal
    return SimpleNamespace(
        process=process,
        proposals=proposals,
        supported=proposals["Schattige Sitzbänke unter den Linden"],
        commented=proposals["Bühne für Nachbarschaftsfeste"],
        rejected=proposals["Parkplätze statt Wiese"],
    )
