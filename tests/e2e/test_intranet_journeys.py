"""The intranet in the browser: a chair prepares a meeting, uploads documents and closes a
task; a member reads minutes and searches; the public pages of the bodies. axe checks every
page visited."""

from datetime import timedelta

import pytest

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident

pytestmark = pytest.mark.e2e


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
    page.get_by_label("Titel", exact=True).fill("Ferienfreizeit 2027")
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
