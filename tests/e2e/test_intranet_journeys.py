"""The intranet in the browser: a chair prepares a meeting, uploads documents and closes a
task; a member reads minutes and searches; the public pages of the bodies. axe checks every
page visited."""

import os
from datetime import timedelta

import pytest

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident

pytestmark = pytest.mark.e2e

SHOTS = "/tmp/shots-meetings"


def member_of(workspace, email, role="member"):
    from django.utils import timezone

    from intranet.models import Membership

    user = resident(email, first_name="Testperson", last_name=role)
    Membership.objects.create(
        workspace=workspace, user=user, role=role, start=timezone.localdate() - timedelta(days=10)
    )
    return workspace, user


def test_chair_prepares_a_meeting(page, site, tmp_path, intranet_world):
    from intranet.models import Meeting

    workspace, chair = member_of(intranet_world.youth.page, "e2e.vorsitz@example.org", role="chair")
    log_in(page, site, chair.email, PASSWORD)
    page.goto(site.url + "/de/intranet/")
    assert_accessible(page)
    page.get_by_role("link", name="Arbeitskreis Kinder und Jugend").first.click()
    page.get_by_role("heading", name="Arbeitskreis Kinder und Jugend").wait_for()
    assert_accessible(page)
    meeting = Meeting.objects.filter(workspace=workspace, state="invited").first()
    page.goto(site.url + workspace.url + f"sitzungen/{meeting.pk}/")
    assert_accessible(page)
    page.get_by_text("Tagesordnungspunkt hinzufügen").click()
    adding = page.locator("details", has_text="Tagesordnungspunkt hinzufügen")
    adding.get_by_label("Titel", exact=True).fill("Ferienfreizeit 2027")
    page.get_by_role("button", name="Punkt hinzufügen").click()
    page.get_by_role("heading", name="TOP 4: Ferienfreizeit 2027").wait_for()
    assert_accessible(page)
    page.goto(site.url + workspace.url + "dokumente/")
    upload = tmp_path / "elternbrief.txt"
    upload.write_text("Liebe Eltern, die Ferienfreizeit beginnt am Montag.")
    page.get_by_label("Dateien").set_input_files(str(upload))
    page.get_by_role("button", name="Hochladen", exact=True).click()
    page.get_by_role("link", name="elternbrief").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="elternbrief").click()
    page.get_by_role("heading", name="elternbrief").wait_for()
    assert_accessible(page)


def test_member_reads_minutes_searches_and_closes_a_task(page, site, intranet_world):
    from django.utils import timezone

    from intranet.models import ActionItem, Meeting

    workspace, member = member_of(intranet_world.jury.page, "e2e.jury@example.org")
    ActionItem.objects.create(
        workspace=workspace,
        title="Antrag Kiezkino prüfen",
        assignee=member,
        due=timezone.localdate() - timedelta(days=1),
    )
    log_in(page, site, member.email, PASSWORD)
    page.goto(site.url + "/de/intranet/aufgaben/")
    page.get_by_role("link", name="Antrag Kiezkino prüfen").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="„Antrag Kiezkino prüfen“ erledigt").click()
    page.get_by_text("Die Aufgabe ist aktualisiert.").wait_for()
    assert_accessible(page)
    published = Meeting.objects.filter(workspace=workspace, minutes_state="published").first()
    page.goto(site.url + workspace.url + f"sitzungen/{published.pk}/")
    page.locator("#minutes-heading").wait_for()
    assert_accessible(page)
    page.goto(site.url + "/de/intranet/suche/?q=Geschäftsordnung")
    page.get_by_role("link", name="geschaeftsordnung").first.wait_for()
    assert_accessible(page)
    page.goto(site.url + workspace.url + "mitglieder/")
    assert_accessible(page)
    page.goto(site.url + "/de/intranet/aktivitaet/")
    assert_accessible(page)
    response = page.goto(site.url + "/de/intranet/praeventivkreis/")
    assert response.status == 403
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_public_bodies_pages(visit, page, lang, intranet_world):
    from intranet.models import Meeting

    visit(f"/{lang}/gremien/")
    visit(f"/{lang}/gremien/stadtteilkonferenz/")
    meeting = Meeting.objects.filter(
        workspace__slug="stadtteilkonferenz", public_minutes_published=True
    ).first()
    visit(f"/{lang}/gremien/stadtteilkonferenz/sitzungen/{meeting.pk}/")
    assert page.get_by_role("heading", name="Öffentliche Tagesordnung").is_visible() or lang != "de"


def shoot(page, name):
    """Screenshots at 375 px and 1280 px into /tmp/shots-meetings/ (to look at)."""
    os.makedirs(SHOTS, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_chair_records_the_meeting_at_the_table(page, site, intranet_world):
    """Before the meeting the table's forms wait for it; once it began the chair records
    the attendance and a conflict announced at the table, sends the draft round and takes
    it back to work in the comments. A member lands on the intranet after login."""
    from django.utils import timezone

    from intranet.services import meetings

    workspace, chair = member_of(intranet_world.youth.page, "e2e.tisch@example.org", "chair")
    _, voter = member_of(workspace, "e2e.befangen@example.org")
    now = timezone.now()
    soon = meetings.save_meeting(
        workspace=workspace,
        user=chair,
        data={
            "title": "Kurzfristige Runde",
            "starts_at": now + timedelta(days=2),
            "ends_at": now + timedelta(days=2, hours=2),
        },
    )
    running = meetings.save_meeting(
        workspace=workspace,
        user=chair,
        data={
            "title": "Laufende Runde",
            "starts_at": now - timedelta(minutes=10),
            "ends_at": now + timedelta(hours=2),
        },
    )
    meetings.add_item(meeting=running, user=chair, title="Kassenbericht")
    log_in(page, site, chair.email, PASSWORD)
    assert page.url.endswith("/de/intranet/")
    page.goto(site.url + soon.get_absolute_url())
    page.get_by_text("ab Beginn der Sitzung").wait_for()
    page.get_by_text("Einladungsfrist von 7 Tagen ist schon unterschritten").wait_for()
    assert_accessible(page)
    shoot(page, "sitzung-vor-beginn")
    page.goto(site.url + running.get_absolute_url())
    page.get_by_label("Gäste (ein Name pro Zeile)").fill("Frau Gast vom Jugendamt")
    page.get_by_role("button", name="Anwesenheit speichern").click()
    page.get_by_text("Die Anwesenheit ist gespeichert.").wait_for()
    assert (
        page.get_by_label("Gäste (ein Name pro Zeile)").input_value() == "Frau Gast vom Jugendamt"
    )
    page.get_by_label("Am Tisch erklärte Befangenheit zu TOP 1").select_option(str(voter.pk))
    page.get_by_role("button", name="Befangenheit zu TOP 1 eintragen").click()
    page.get_by_text("Befangenheit erklärt (nicht mitgestimmt)").wait_for()
    assert page.locator(".conflicts").get_by_text("Testperson member").is_visible()
    assert_accessible(page)
    shoot(page, "sitzung-am-tisch")
    page.get_by_role("button", name="Entwurf an die Mitglieder zur Durchsicht geben").click()
    page.get_by_text("Der Entwurf ist an die Mitglieder verschickt.").wait_for()
    page.get_by_role("button", name="Zurück in den Entwurf, um Anmerkungen einzuarbeiten").click()
    page.get_by_text("Der Entwurf ist wieder in Arbeit.").wait_for()
    assert_accessible(page)
    shoot(page, "protokoll-zurueck-im-entwurf")
    page.get_by_text("TOP 1 bearbeiten").click()
    assert_accessible(page)  # with the item's edit form open
    page.goto(site.url + workspace.route_url("meetings"))
    page.get_by_role("link", name="Laufende Runde").wait_for()
    assert_accessible(page)
    shoot(page, "sitzungen-alle")
    page.goto(site.url + workspace.route_url("task_new"))
    page.get_by_label("Aufgabe", exact=True).fill("Kassenprüfung vorbereiten")
    page.get_by_label("zuständig").select_option(str(voter.pk))
    page.get_by_label("fällig am").fill((now + timedelta(days=7)).date().isoformat())
    page.get_by_role("button", name="Aufgabe vergeben").click()
    page.get_by_text("Die Aufgabe ist vergeben.").wait_for()
    page.get_by_text("Aufgabe ändern oder jemand anderem geben").click()
    assert_accessible(page)
    shoot(page, "aufgabe-ausserhalb")
    response = page.goto(site.url + "/en" + running.get_absolute_url()[3:])
    assert response.ok and page.url.endswith(running.get_absolute_url())


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_public_meetings_in_the_events_list(visit, page, lang, portal_world, intranet_world):
    """The Stadtteilkonferenz's next public meeting is listed with the events (axe-checked)."""
    visit(f"/{lang}/termine/")
    assert page.locator("#other-dates-heading").is_visible()
    if lang == "de":
        shoot(page, "termine-mit-sitzungen")
    link = page.locator("section[aria-labelledby=other-dates-heading] a").first
    link.click()
    page.wait_for_url(f"**/{lang}/gremien/stadtteilkonferenz/sitzungen/*/")
    assert_accessible(page)
