"""The whole fund cycle in the browser: apply (with a refused cost plan first), formal
check, jury decision with quorum, agreement, settlement with a receipt, and the public list.
axe checks every page visited."""

from datetime import timedelta

import pytest

from .conftest import assert_accessible, log_in
from .world import PASSWORD, office_staff, resident

pytestmark = pytest.mark.e2e

FUND = "/de/aktionsfonds/"


def new_page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_application_to_settlement(page, site, browser, tmp_path, fund_world):
    from django.utils import timezone

    from fund import services
    from fund.models import Application
    from intranet.models import Membership
    from intranet.services import meetings

    applicant = resident("e2e.antrag@example.org")
    log_in(page, site, applicant.email, PASSWORD)
    page.goto(site.url + FUND)
    assert_accessible(page)
    page.get_by_role("link", name="Antrag stellen").click()
    page.get_by_label("Wer beantragt?").select_option("initiative")
    page.get_by_label("Name der Ansprechperson").fill("Eda Antrag")
    page.get_by_label("Titel der Aktion").fill("Lesepicknick im Park")
    page.get_by_label("Was ist geplant?").fill("Vorlesen auf Decken im Park.")
    page.get_by_label("Ziel und Nutzen für die Nachbarschaft").fill("Kinder lesen mehr.")
    page.get_by_label("Zielgruppe").fill("Familien")
    page.get_by_label("Ort", exact=True).fill("Weidenpark")
    start = (timezone.localdate() + timedelta(days=20)).isoformat()
    page.get_by_label("Beginn", exact=True).fill(start)
    page.get_by_label("Ende", exact=True).fill(start)
    page.get_by_label("Ehrenamtliche und Eigenleistung").fill("Sechs Eltern lesen vor.")
    page.get_by_label("Beantragter Betrag (Euro)").fill("300")
    page.get_by_label("Kostenart").select_option("material")
    page.get_by_label("Wofür?").fill("Bücher und Decken")
    page.get_by_label("Betrag (Euro)", exact=True).fill("200")
    page.get_by_role("button", name="Antrag einreichen").click()
    page.get_by_role("alert").get_by_text("passt nicht zum Kostenplan").wait_for()
    assert page.get_by_label("Titel der Aktion").input_value() == "Lesepicknick im Park"
    assert_accessible(page)
    page.get_by_label("Beantragter Betrag (Euro)").fill("210")  # 200 + 5 % flat rate
    page.get_by_role("button", name="Antrag einreichen").click()
    page.get_by_role("heading", name="Lesepicknick im Park").wait_for()
    assert_accessible(page)

    application = Application.objects.get(title="Lesepicknick im Park")
    services.formal_check(
        application=application,
        user=office_staff("e2e.pruefung@example.org"),
        outcome="complete",
        text="",
        page_url=FUND,
    )
    application.refresh_from_db()
    assert application.state == "scheduled"

    jury = fund_world.jury.page
    taker = resident("e2e.protokoll@example.org")
    Membership.objects.create(
        workspace=jury,
        user=taker,
        role="minute_taker",
        start=timezone.localdate() - timedelta(days=5),
    )
    meeting = application.agenda_item.meeting
    meeting.starts_at = timezone.now() - timedelta(hours=1)  # the jury is meeting now
    meeting.ends_at = timezone.now() + timedelta(hours=1)
    meeting.save()
    voting = Membership.objects.active().filter(workspace=jury, voting=True)
    meetings.record_attendance(
        meeting=meeting,
        user=type(taker).objects.get(pk=taker.pk),
        statuses={ms.user_id: "present" for ms in voting},
    )
    jury_page = new_page(browser)
    log_in(jury_page, site, taker.email, PASSWORD)
    jury_page.goto(site.url + FUND + f"antraege/{application.pk}/")
    jury_page.get_by_role("heading", name="Entscheidung der Jury").wait_for()
    assert_accessible(jury_page)
    jury_page.get_by_label("Bewilligter Betrag (Euro)").fill("200")
    jury_page.get_by_label("Auflagen").fill("Bitte Fotos für den Kiezbrief.")
    jury_page.get_by_label("Ja", exact=True).fill(str(voting.count()))
    jury_page.get_by_label("Nein", exact=True).fill("0")
    jury_page.get_by_role("button", name="Abstimmung eintragen").click()
    jury_page.get_by_text("bewilligt", exact=True).first.wait_for()
    assert_accessible(jury_page)
    jury_page.context.close()

    page.goto(site.url + FUND + f"antraege/{application.pk}/")
    page.get_by_role("link", name="Fördervereinbarung mit Kosten- und Zeitplan (PDF)").wait_for()
    receipt = tmp_path / "kassenbon.pdf"
    from demo.pdf import simple_pdf

    receipt.write_bytes(simple_pdf("Kassenbon", "Buchladen am Markt 180,00 EUR"))
    page.get_by_label("Datum").fill(timezone.localdate().isoformat())
    page.get_by_label("Wo gekauft / wer bezahlt?").fill("Buchladen am Markt")
    page.get_by_label("Betrag (Euro)").fill("180")
    page.get_by_label("Kostenart").select_option("material")
    page.get_by_label("Beleg (Foto oder PDF)").set_input_files(str(receipt))
    page.get_by_label("Kurzbericht: Wie ist die Aktion gelaufen?").fill(
        "Vierzig Kinder haben zugehört."
    )
    page.get_by_role("button", name="Abrechnung einreichen").click()
    page.get_by_text("Ihre Abrechnung ist eingereicht").wait_for()
    assert_accessible(page)
    page.goto(site.url + FUND + "gefoerdert/")
    page.get_by_role("heading", name="Lesepicknick im Park").wait_for()
    assert_accessible(page)
