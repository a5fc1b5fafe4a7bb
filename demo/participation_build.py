"""A demo participation process with proposals in every state."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from participation import services, states
from participation.models import Phase, ProcessPage

PROCESS = {
    "title": "Ideen für den Lindenplatz",
    "slug": "ideen-lindenplatz",
    "intro": (
        "Der Lindenplatz wird 2027 neu gestaltet. Sammeln Sie mit uns Ideen, was dort "
        "entstehen soll: Bänke, Spielgeräte, Bäume oder ein Ort für Feste."
    ),
    "description": (
        "<p>Bis Mitte Dezember können alle registrierten Personen Vorschläge einreichen und "
        "unterstützen. Vorschläge mit mindestens 10 Unterstützungen prüft das Stadtteilbüro "
        "zusammen mit dem Grünflächenamt. Für die Umsetzung stehen 15.000 Euro bereit.</p>"
    ),
}
PROCESS_EN = {
    PROCESS["title"]: "Ideas for Lindenplatz",
    PROCESS["intro"]: (
        "Lindenplatz will be redesigned in 2027. Collect ideas with us for what should be "
        "there: benches, play equipment, trees or a place for festivals."
    ),
    "Bis Mitte Dezember können alle registrierten Personen Vorschläge einreichen und "
    "unterstützen. Vorschläge mit mindestens 10 Unterstützungen prüft das Stadtteilbüro "
    "zusammen mit dem Grünflächenamt. Für die Umsetzung stehen 15.000 Euro bereit.": (
        "Until mid-December, everyone registered can submit and support proposals. The "
        "neighbourhood office and the parks department examine proposals with at least 10 "
        "supports. 15,000 euros are available for implementation."
    ),
}
PROPOSALS = [
    (
        "Schattige Sitzbänke unter den Linden",
        "Mehr Bänke im Schatten, damit ältere "
        "Nachbarinnen und Nachbarn beim Einkaufen eine Pause machen können.",
        "Lindenplatz, Nordseite",
        "2400",
        states.PUBLISHED,
    ),
    (
        "Trinkbrunnen",
        "Ein Trinkbrunnen für heiße Sommertage, für Kinder und Sportgruppen.",
        "Lindenplatz, am Spielplatz",
        "6000",
        states.EVALUATION,
    ),
    (
        "Bühne für Nachbarschaftsfeste",
        "Eine kleine feste Bühne für Musik, Lesungen und das Straßenfest.",
        "Lindenplatz, Südseite",
        "9000",
        states.PUBLISHED,
    ),
    (
        "Tischtennisplatte",
        "Eine wetterfeste Tischtennisplatte für Jugendliche.",
        "Lindenplatz",
        "1800",
        states.ACCEPTED,
    ),
    (
        "Parkplätze statt Wiese",
        "Die Wiese in Parkplätze umwandeln.",
        "Lindenplatz",
        "",
        states.REJECTED,
    ),
]


def translate_participation(process, locales):
    from .build import translate

    existing = process.get_translation_or_none(locales["en"])
    if existing is None or existing.alias_of_id:
        translate(process, locales["en"], PROCESS_EN)


def build_participation(home, users):
    if ProcessPage.objects.child_of(home).filter(slug=PROCESS["slug"]).exists():
        return ProcessPage.objects.child_of(home).get(slug=PROCESS["slug"])
    now = timezone.now()
    process = ProcessPage(
        title=PROCESS["title"],
        slug=PROCESS["slug"],
        intro=PROCESS["intro"],
        description=PROCESS["description"],
        budget=Decimal("15000"),
        support_threshold=10,
        show_in_menus=True,
    )
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
    home.add_child(instance=process)
    process.save_revision().publish()
    resident, office = users["resident"], users["admin"]
    for title, description, place, budget, state in PROPOSALS:
        proposal = services.proposal_create(
            process=process,
            author=resident,
            data={
                "title": title,
                "description": description,
                "place": place,
                "requested_budget": Decimal(budget) if budget else None,
            },
            submit=True,
        )
        path = {
            states.PUBLISHED: [states.PUBLISHED],
            states.EVALUATION: [states.PUBLISHED, states.EVALUATION],
            states.ACCEPTED: [states.PUBLISHED, states.EVALUATION, states.ACCEPTED],
            states.REJECTED: [states.REJECTED],
        }[state]
        for step in path:
            reason = (
                "Die Wiese bleibt: Sie ist als Grünfläche im Bebauungsplan festgesetzt."
                if step == states.REJECTED
                else ""
            )
            proposal = services.proposal_decide(
                proposal=proposal, user=office, to_state=step, reason=reason
            )
    return process
