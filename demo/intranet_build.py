"""The demo intranet: four bodies with members, meetings, minutes, decisions, tasks and
documents, and the public page of the bodies. All people are fictional."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from intranet import bodies
from intranet.models import BodiesPage, Membership, WorkspacePage
from intranet.services import documents as document_services
from intranet.services import meetings, workspaces

from .pdf import simple_pdf

PEOPLE = [
    ("deniz", "Deniz", "Aksoy (Demo)"),
    ("maren", "Maren", "Holler (Demo)"),
    ("jonas", "Jonas", "Brettschneider (Demo)"),
    ("olena", "Olena", "Koval (Demo)"),
    ("samir", "Samir", "Haddad (Demo)"),
    ("greta", "Greta", "Lindqvist (Demo)"),
    ("pavel", "Pavel", "Nowicki (Demo)"),
    ("ilse", "Ilse", "Sommerfeld (Demo)"),
]

WORKSPACES = [
    {
        "slug": "stadtteilkonferenz",
        "title": "Stadtteilkonferenz",
        "kind": "stadtteilkonferenz",
        "description": "<p>Alle Akteure im Stadtteil treffen sich viermal im Jahr.</p>",
        "visibility": bodies.INTRANET,
        "show_public_page": True,
        "public_summary": (
            "<p>Die Stadtteilkonferenz bringt Vereine, Schulen, Kitas, Wohnungsunternehmen "
            "und Bewohner*innen zusammen. Ihre Sitzungen sind öffentlich.</p>"
        ),
        "public_minutes": True,
        "quorum_rule": bodies.NO_QUORUM,
    },
    {
        "slug": "ak-kinder-jugend",
        "title": "Arbeitskreis Kinder und Jugend",
        "kind": "arbeitskreis",
        "description": "<p>Jugendclub, Schulsozialarbeit, Kitas und Eltern planen gemeinsam.</p>",
        "allows_circulation": True,
    },
    {
        "slug": "praeventivkreis",
        "title": "Präventivkreis",
        "kind": "praeventivkreis",
        "description": "<p>Vertraulicher Austausch zu Sicherheit und Prävention.</p>",
        "majority_rule": bodies.TWO_THIRDS,
    },
    {
        "slug": "aktionsfondsjury",
        "title": "Aktionsfondsjury",
        "kind": "jury",
        "description": "<p>Bewohner*innen entscheiden über Anträge an den Aktionsfonds.</p>",
        "resident_majority_required": True,
        "allows_circulation": True,
    },
]

# workspace slug -> [(person key, role, voting, resident)]
MEMBERS = {
    "stadtteilkonferenz": [
        ("vorsitz", "chair", True, False),
        ("deniz", "minute_taker", True, True),
        ("maren", "member", True, False),
        ("jonas", "member", True, True),
        ("resident", "member", True, True),
        ("olena", "guest", False, True),
    ],
    "ak-kinder-jugend": [
        ("maren", "chair", True, False),
        ("samir", "minute_taker", True, False),
        ("greta", "member", True, True),
        ("vorsitz", "member", True, False),
    ],
    "praeventivkreis": [
        ("pavel", "chair", True, False),
        ("ilse", "member", True, False),
        ("samir", "member", True, False),
    ],
    "aktionsfondsjury": [
        ("vorsitz", "chair", True, True),
        ("deniz", "minute_taker", True, True),
        ("resident", "member", True, True),
        ("jonas", "member", True, True),
        ("greta", "member", True, True),
        ("olena", "member", True, True),
        ("ilse", "member", True, True),
        ("maren", "member", True, False),
    ],
}


def _people(users):
    User = get_user_model()
    people = {"vorsitz": users["vorsitz"], "resident": users["resident"]}
    for key, first, last in PEOPLE:
        email = f"{key}@muehlbach-sued.example"
        person = User.objects.filter(email=email).first()
        if person is None:
            person = User(username=f"demo-{key}", email=email, first_name=first, last_name=last)
            person.set_unusable_password()
            person.save()
        people[key] = person
    return people


MEETINGS = [
    # title, days from now, place, online link
    ("Frühjahrssitzung", -70, "Nachbarschaftstreff, Lindenstraße 12", ""),
    ("Sommersitzung", -21, "Nachbarschaftstreff, Lindenstraße 12", ""),
    ("Herbstsitzung", 9, "Stadtteilbüro, Auenweg 3", "https://meet.example/herbst"),
]


def _meeting_cycle(workspace, chair, taker, now):
    """Two past meetings with approved minutes and one upcoming, invited meeting."""
    first, second, upcoming = (
        meetings.save_meeting(
            workspace=workspace,
            user=chair,
            data={
                "title": title,
                "starts_at": now + timedelta(days=days),
                "ends_at": now + timedelta(days=days, hours=2),
                "place": place,
                "online_link": link,
                "public": workspace.show_public_page,
            },
        )
        for title, days, place, link in MEETINGS
    )
    members = Membership.objects.active().filter(workspace=workspace)
    for meeting, topics in (
        (
            first,
            [
                "Protokoll der letzten Sitzung",
                "Bericht aus dem Stadtteilbüro",
                "Straßenfest im Juni",
            ],
        ),
        (
            second,
            ["Genehmigung des Protokolls vom Frühjahr", "Sommerferienprogramm", "Verschiedenes"],
        ),
        (
            upcoming,
            ["Genehmigung des Protokolls vom Sommer", "Planung Adventsmarkt", "Termine 2027"],
        ),
    ):
        for title in topics:
            meetings.add_item(meeting=meeting, user=chair, title=title, description="", public=True)
    for meeting in (first, second):
        statuses = {
            ms.user_id: ("excused" if i == 2 else "present") for i, ms in enumerate(members)
        }
        meetings.record_attendance(
            meeting=meeting, user=taker, statuses=statuses, guests=["Gast vom Jugendamt"]
        )
        for item in meeting.items.all():
            item.summary = f"Besprochen: {item.title}. Die Anwesenden tauschen sich aus."
            item.public_summary = f"Die Runde bespricht: {item.title}."
            item.save()
        item = meeting.items.order_by("position").last()
        voting_present = meetings.item_quorum(item).quorum.present
        meetings.record_decision(
            item=item,
            user=taker,
            text=f"Die Runde unterstützt: {item.title}.",
            yes=max(voting_present - 1, 1),
            no=0,
            abstain=min(1, voting_present - 1),
        )
        meetings.add_action_item(
            workspace=workspace,
            user=chair,
            item=item,
            title=f"Nachbereitung: {item.title}",
            assignee=taker,
            due=timezone.localdate() + timedelta(days=5 if meeting == second else -3),
        )
        meetings.circulate_minutes(meeting=meeting, user=taker)
    meetings.approve_minutes(meeting=first, user=chair, at_meeting=second)
    meetings.approve_minutes(meeting=second, user=chair, at_meeting=None)
    for meeting in (first, second):
        meetings.publish_minutes(meeting=meeting, user=chair)
        if workspace.public_minutes:
            meetings.publish_public_minutes(meeting=meeting, user=chair)
    meetings.send_invitation(meeting=upcoming, user=chair)


def build_intranet(home, users):
    index = workspaces.ensure_intranet(home)
    if WorkspacePage.objects.child_of(index).exists():
        return index
    index.intro = (
        "Die Arbeitsbereiche der Gremien und Arbeitskreise von Mühlbach-Süd: Sitzungen, "
        "Protokolle, Beschlüsse, Aufgaben und Dokumente."
    )
    index.save_revision().publish()
    people = _people(users)
    now = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0)
    start = timezone.localdate() - timedelta(days=400)
    for spec in WORKSPACES:
        workspace = workspaces.create_workspace(index, **spec)
        for key, role, voting, resident in MEMBERS[spec["slug"]]:
            Membership.objects.create(
                workspace=workspace,
                user=people[key],
                role=role,
                voting=voting,
                resident=resident,
                start=start,
            )
        chair_key = next(key for key, role, *_ in MEMBERS[spec["slug"]] if role == "chair")
        taker_key = next(
            (key for key, role, *_ in MEMBERS[spec["slug"]] if role == "minute_taker"), chair_key
        )
        chair, taker = people[chair_key], people[taker_key]
        chair = type(chair).objects.get(pk=chair.pk)
        taker = type(taker).objects.get(pk=taker.pk)
        _meeting_cycle(workspace, chair, taker, now)
        document_services.upload(
            workspace=workspace,
            user=chair,
            files=[
                ContentFile(
                    simple_pdf(
                        f"Geschäftsordnung {workspace.title}", "Beschlussfähigkeit und Mehrheiten"
                    ),
                    name="geschaeftsordnung.pdf",
                ),
                ContentFile(
                    f"Adressliste und Termine {workspace.title}\nTreffen im "
                    "Nachbarschaftstreff".encode(),
                    name="termine-2026.txt",
                ),
            ],
        )
    _public_bodies(home)
    return index


BODIES_EN = {
    "Gremien": "Committees",
    "Wer im Stadtteil mitentscheidet: die Gremien, ihre öffentlichen Sitzungen und Beschlüsse.": (
        "Who has a say in the neighbourhood: the committees, their public meetings and decisions."
    ),
}


def translate_bodies(home, locales):
    from .build import translate

    page = BodiesPage.objects.child_of(home).first()
    if page is None:
        return
    existing = page.get_translation_or_none(locales["en"])
    if existing is None or existing.alias_of_id:
        translate(page, locales["en"], BODIES_EN)


def _public_bodies(home):
    if BodiesPage.objects.child_of(home).exists():
        return
    page = BodiesPage(
        title="Gremien",
        slug="gremien",
        intro="Wer im Stadtteil mitentscheidet: die Gremien, ihre öffentlichen Sitzungen "
        "und Beschlüsse.",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
