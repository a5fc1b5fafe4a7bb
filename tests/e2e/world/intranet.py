"""The intranet: four bodies with members, two past meetings with approved and published
minutes (a decision and a task each) and an upcoming meeting with its invitation, the rules
of procedure as a document; and the public page of the bodies."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from intranet import bodies
from intranet.models import BodiesPage, Membership
from intranet.services import documents, meetings, workspaces

from .accounts import resident
from .common import home, pdf_file, publish, synchronise

PEOPLE = [
    ("kim", "Kim", "Vorsitz"),
    ("deniz", "Deniz", "Aksoy"),
    ("maren", "Maren", "Holler"),
    ("jonas", "Jonas", "Brettschneider"),
    ("olena", "Olena", "Koval"),
    ("samir", "Samir", "Haddad"),
    ("greta", "Greta", "Lindqvist"),
    ("pavel", "Pavel", "Nowicki"),
    ("ilse", "Ilse", "Sommerfeld"),
    ("sam", "Sam", "Bewohnerin"),
]

WORKSPACES = {
    "stadtteilkonferenz": {
        "title": "Stadtteilkonferenz",
        "kind": "stadtteilkonferenz",
        "description": "<p>Alle Akteure im Stadtteil treffen sich viermal im Jahr.</p>",
        "visibility": bodies.INTRANET,
        "show_public_page": True,
        "public_summary": "<p>Die Stadtteilkonferenz bringt alle zusammen. Sie tagt offen.</p>",
        "public_minutes": True,
        "quorum_rule": bodies.NO_QUORUM,
    },
    "ak-kinder-jugend": {
        "title": "Arbeitskreis Kinder und Jugend",
        "kind": "arbeitskreis",
        "description": "<p>Jugendclub, Schulsozialarbeit, Kitas und Eltern planen gemeinsam.</p>",
        "allows_circulation": True,
    },
    "praeventivkreis": {
        "title": "Präventivkreis",
        "kind": "praeventivkreis",
        "description": "<p>Vertraulicher Austausch zu Sicherheit und Prävention.</p>",
        "majority_rule": bodies.TWO_THIRDS,
    },
    "aktionsfondsjury": {
        "title": "Aktionsfondsjury",
        "kind": "jury",
        "description": "<p>Bewohner*innen entscheiden über Anträge an den Aktionsfonds.</p>",
        "resident_majority_required": True,
        "allows_circulation": True,
    },
}

# workspace slug -> [(person, role, voting, resident)]; the first is the chair, the second
# takes the minutes.
MEMBERS = {
    "stadtteilkonferenz": [
        ("kim", "chair", True, False),
        ("deniz", "minute_taker", True, True),
        ("maren", "member", True, False),
        ("jonas", "member", True, True),
        ("sam", "member", True, True),
        ("olena", "guest", False, True),
    ],
    "ak-kinder-jugend": [
        ("maren", "chair", True, False),
        ("samir", "minute_taker", True, False),
        ("greta", "member", True, True),
        ("kim", "member", True, False),
    ],
    "praeventivkreis": [
        ("pavel", "chair", True, False),
        ("ilse", "minute_taker", True, False),
        ("samir", "member", True, False),
    ],
    "aktionsfondsjury": [
        ("kim", "chair", True, True),
        ("deniz", "minute_taker", True, True),
        ("sam", "member", True, True),
        ("jonas", "member", True, True),
        ("greta", "member", True, True),
        ("olena", "member", True, True),
        ("ilse", "member", True, True),
        ("maren", "member", True, False),
    ],
}

MEETINGS = [
    # title, days from now, place, online link, agenda
    (
        "Frühjahrssitzung",
        -70,
        "Nachbarschaftstreff, Lindenstraße 12",
        "",
        ["Protokoll der letzten Sitzung", "Bericht aus dem Stadtteilbüro", "Straßenfest"],
    ),
    (
        "Sommersitzung",
        -21,
        "Nachbarschaftstreff, Lindenstraße 12",
        "",
        ["Genehmigung des Protokolls vom Frühjahr", "Sommerferienprogramm", "Verschiedenes"],
    ),
    (
        "Herbstsitzung",
        9,
        "Stadtteilbüro, Auenweg 3",
        "https://meet.example/herbst",
        ["Genehmigung des Protokolls vom Sommer", "Planung Adventsmarkt", "Termine 2027"],
    ),
]


def fresh(user):
    """The user as a new request sees them (groups given by memberships included)."""
    return type(user).objects.get(pk=user.pk)


def hold(meeting, taker, members):
    """Attendance, summaries, a decision on the last item and a task from it."""
    meetings.record_attendance(
        meeting=meeting,
        user=taker,
        statuses={ms.user_id: "excused" if i == 2 else "present" for i, ms in enumerate(members)},
        guests=["Gast vom Jugendamt"],
    )
    for item in meeting.items.all():
        item.summary = f"Besprochen: {item.title}. Die Anwesenden tauschen sich aus."
        item.public_summary = f"Die Runde bespricht: {item.title}."
        item.save()
    last = meeting.items.order_by("position").last()
    present = meetings.item_quorum(last).quorum.present
    meetings.record_decision(
        item=last,
        user=taker,
        text=f"Die Runde unterstützt: {last.title}.",
        yes=max(present - 1, 1),
        no=0,
        abstain=min(1, present - 1),
    )
    return last


def meeting_cycle(workspace, chair, taker):
    """Two past meetings with approved, published minutes; one upcoming, invited."""
    now = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0)
    made = []
    for title, days, place, link, agenda in MEETINGS:
        meeting = meetings.save_meeting(
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
        for topic in agenda:
            meetings.add_item(meeting=meeting, user=chair, title=topic, public=True)
        made.append(meeting)
    first, second, upcoming = made
    members = list(Membership.objects.active().filter(workspace=workspace))
    for meeting, due in ((first, -3), (second, 5)):
        item = hold(meeting, taker, members)
        meetings.add_action_item(
            workspace=workspace,
            user=chair,
            item=item,
            title=f"Nachbereitung: {item.title}",
            assignee=taker,
            due=timezone.localdate() + timedelta(days=due),
        )
        meetings.circulate_minutes(meeting=meeting, user=taker)
    meetings.approve_minutes(meeting=first, user=chair, at_meeting=second)
    meetings.approve_minutes(meeting=second, user=chair, at_meeting=None)
    for meeting in (first, second):
        meetings.publish_minutes(meeting=meeting, user=chair)
        if workspace.public_minutes:
            meetings.publish_public_minutes(meeting=meeting, user=chair)
    meetings.send_invitation(meeting=upcoming, user=chair)
    return SimpleNamespace(past=[first, second], upcoming=upcoming)


def workspace(index, slug, people):
    space = workspaces.create_workspace(index, slug=slug, **WORKSPACES[slug])
    start = timezone.localdate() - timedelta(days=400)
    for key, role, voting, is_resident in MEMBERS[slug]:
        Membership.objects.create(
            workspace=space,
            user=people[key],
            role=role,
            voting=voting,
            resident=is_resident,
            start=start,
        )
    chair, taker = (fresh(people[key]) for key, *_rest in MEMBERS[slug][:2])
    cycle = meeting_cycle(space, chair, taker)
    documents.upload(
        workspace=space,
        user=chair,
        files=[
            pdf_file(
                "geschaeftsordnung.pdf",
                f"Geschäftsordnung {space.title}",
                "Beschlussfähigkeit und Mehrheiten",
            )
        ],
    )
    return SimpleNamespace(page=space, chair=chair, taker=taker, **vars(cycle))


def build():
    parent = home()
    index = workspaces.ensure_intranet(parent)
    index.intro = "Die Arbeitsbereiche der Gremien und Arbeitskreise von Mühlbach-Süd."
    index.save_revision().publish()
    people = {
        key: resident(f"{key}.gremien@example.org", first_name=first, last_name=last)
        for key, first, last in PEOPLE
    }
    spaces = {slug: workspace(index, slug, people) for slug in WORKSPACES}
    bodies_page = publish(
        parent,
        BodiesPage(
            title="Gremien",
            slug="gremien",
            intro="Wer im Stadtteil mitentscheidet: die Gremien, ihre öffentlichen Sitzungen.",
            show_in_menus=True,
        ),
    )
    synchronise()
    return SimpleNamespace(
        index=index,
        bodies=bodies_page,
        people=people,
        conference=spaces["stadtteilkonferenz"],
        youth=spaces["ak-kinder-jugend"],
        prevention=spaces["praeventivkreis"],
        jury=spaces["aktionsfondsjury"],
    )
