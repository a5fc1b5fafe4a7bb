"""Finding processes: the home page's "Jetzt mitmachen" (open now, opening next, finished
recently, each with dates; constant queries) and the process page's "Was Sie jetzt tun
können" (actions as links straight to them, the phases as a timeline)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import Phase, ProcessPage
from portal.models import HomePage
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def process_with(title, slug, *phases):
    """A process with phases given as (kind, start day, end day, allows...) relative to now."""
    now = timezone.now()
    process = ProcessPage(title=title, slug=slug, intro=f"Worum es bei {title} geht.")
    process.budget = Decimal("1000")
    for kind, start, end, *allows in phases:
        process.phases.add(
            Phase(
                kind=kind,
                start=now + timedelta(days=start),
                end=now + timedelta(days=end),
                **{f"allows_{action}": True for action in allows},
            )
        )
    HomePage.objects.get(locale__language_code="de").add_child(instance=process)
    process.save_revision().publish()
    return process


def section(body, heading):
    """The HTML of the home page's group under `heading` (up to the next h3 or section end)."""
    start = body.index(f">{heading}</h3>")
    rest = body[start:]
    ends = [i for i in (rest.find("<h3", 1), rest.find("</section>")) if i > 0]
    return rest[: min(ends)]


@pytest.fixture
def processes():
    return {
        "open": process_with("Lindenplatz", "lindenplatz", ("collecting", -5, 20, "submit")),
        # Informing now, proposals only later: not open yet (the home page called it open).
        "later": process_with(
            "Spielplatz",
            "spielplatz",
            ("information", -3, 10),
            ("collecting", 10, 40, "submit", "support"),
        ),
        "recent": process_with("Sommerfest", "sommerfest", ("voting", -40, -10, "vote")),
        "old": process_with("Winterfest", "winterfest", ("voting", -400, -300, "vote")),
    }


def test_home_shows_open_upcoming_and_recently_finished_with_dates(client, processes):
    body = client.get("/de/").content.decode()
    running = section(body, "Läuft gerade")
    assert "Lindenplatz" in running and "Spielplatz" not in running
    assert "Sommerfest" not in running
    upcoming = section(body, "Demnächst")
    assert "Spielplatz" in upcoming
    opens = processes["later"].phases.get(kind="collecting").start
    assert f'datetime="{timezone.localtime(opens).replace(microsecond=0).isoformat()}"' in upcoming
    finished = section(body, "Kürzlich abgeschlossen")
    assert "Sommerfest" in finished
    assert "Winterfest" not in body  # finished too long ago for the home page
    closes = processes["open"].phases.get().end
    assert timezone.localtime(closes).replace(microsecond=0).isoformat() in running


def test_open_processes_closing_soonest_come_first(client, processes):
    process_with("Bücherschrank", "buecherschrank", ("collecting", -1, 3, "comment"))
    running = section(client.get("/de/").content.decode(), "Läuft gerade")
    assert running.index("Bücherschrank") < running.index("Lindenplatz")


def test_home_processes_cost_the_same_queries_for_many_processes(client, processes):
    def count():
        client.get("/de/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/de/")
        return len(ctx.captured_queries)

    few = count()
    for number in range(8):
        process_with(
            f"Verfahren {number}",
            f"verfahren-{number}",
            ("information", -2, 2),
            ("collecting", 2, 9, "submit"),
        )
    assert count() == few


def test_process_page_offers_actions_as_links_straight_to_them(client, processes):
    url = processes["open"].url
    anonymous = client.get(url).content.decode()
    assert re.search(
        r'href="/de/accounts/login/\?next=/de/lindenplatz/vorschlaege/neu/"', anonymous
    )
    client.force_login(UserFactory())
    body = client.get(url).content.decode()
    box = body[body.index("Was Sie jetzt tun können") : body.index('id="timeline-heading"')]
    assert 'href="/de/lindenplatz/vorschlaege/neu/"' in box
    assert "Vorschlag einreichen" in box


def test_support_and_comment_lead_to_the_proposals(client):
    process = process_with("Bänke", "baenke", ("discussion", -2, 5, "support", "comment"))
    body = client.get(process.url).content.decode()
    box = body[body.index("Was Sie jetzt tun können") : body.index('id="timeline-heading"')]
    assert 'href="#vorschlaege"' in box
    assert "Vorschläge unterstützen und kommentieren" in box
    assert 'id="vorschlaege"' in body
    assert "vorschlaege/neu/" not in box  # no proposals in this phase


def test_timeline_marks_past_current_and_coming_phases(client):
    process = process_with(
        "Park",
        "park",
        ("information", -20, -10),
        ("collecting", -10, 10, "submit"),
        ("voting", 10, 20, "vote"),
    )
    body = client.get(process.url).content.decode()
    timeline = body[
        body.index('<ol class="timeline">') : body.index(
            "</ol>", body.index('<ol class="timeline">')
        )
    ]
    items = re.findall(r'<li class="timeline__phase timeline__phase--(\w+)"', timeline)
    assert items == ["past", "current", "future"]
    assert timeline.count('aria-current="step"') == 1
    assert "abgeschlossen" in timeline and "läuft gerade" in timeline and "kommt noch" in timeline


def test_between_phases_the_box_says_what_comes_next(client):
    process = process_with(
        "Pause", "pause", ("collecting", -20, -10, "submit"), ("voting", 5, 9, "vote")
    )
    body = client.get(process.url).content.decode()
    assert "Gerade läuft keine Phase. Als Nächstes:" in body


@pytest.fixture
def overview(processes):
    from participation.models import ProcessIndexPage

    page = ProcessIndexPage(title="Mitmachen", slug="mitmachen", show_in_menus=True)
    HomePage.objects.get(locale__language_code="de").add_child(instance=page)
    page.save_revision().publish()
    return page


def titles(body):
    return re.findall(r'<h2 class="kern-title"><a class="kern-link" href="[^"]+">([^<]+)</a>', body)


def test_overview_lists_every_process_open_first_and_is_in_the_menu(client, overview):
    body = client.get("/de/mitmachen/").content.decode()
    assert titles(body) == ["Lindenplatz", "Spielplatz", "Sommerfest", "Winterfest"]
    menu = body[body.index('aria-label="Hauptmenü"') :]
    assert 'href="/de/mitmachen/"' in menu[: menu.index("</nav>")]
    home = client.get("/de/").content.decode()
    assert 'href="/de/mitmachen/">Alle Beteiligungsverfahren' in home


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?stand=open", ["Lindenplatz"]),
        ("?stand=upcoming", ["Spielplatz"]),
        ("?stand=finished", ["Sommerfest", "Winterfest"]),
        ("?stand=unsinn", ["Lindenplatz", "Spielplatz", "Sommerfest", "Winterfest"]),
        ("?stand=open&feld=gibt-es-nicht", ["Lindenplatz"]),
    ],
)
def test_overview_filters_by_status_without_javascript(client, overview, query, expected):
    body = client.get(f"/de/mitmachen/{query}").content.decode()
    assert titles(body) == expected
    assert '<form class="filter-form" method="get"' in body


def test_overview_filters_by_field_of_action(client, overview, processes):
    from tests.portal.factories import FieldOfActionFactory

    field = FieldOfActionFactory(name="Grün", slug="gruen")
    ProcessPage.objects.filter(pk=processes["later"].pk).update(field_of_action=field)
    body = client.get("/de/mitmachen/?feld=gruen").content.decode()
    assert titles(body) == ["Spielplatz"]


def test_overview_is_paginated_with_constant_queries(client, overview):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = count("/de/mitmachen/")
    for number in range(12):
        process_with(
            f"Verfahren {number:02}", f"v-{number}", ("collecting", -1, 30 + number, "submit")
        )
    assert count("/de/mitmachen/") == few
    first = titles(client.get("/de/mitmachen/").content.decode())
    second = titles(client.get("/de/mitmachen/?seite=2").content.decode())
    assert len(first) == 12 and len(second) == 4
    assert not set(first) & set(second)
