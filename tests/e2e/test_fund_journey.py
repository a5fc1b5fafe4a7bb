"""The whole fund cycle in the browser: apply (a mistyped IBAN refused first, the total
computed by the server), formal check, jury decision with quorum, agreement, settlement with a
receipt, the public list and the office's labelled ledger chart. axe checks every page visited."""

from datetime import timedelta
from decimal import Decimal

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
    page.get_by_label("Anschrift").fill("Weidenweg 4\n12345 Zwischenheide")
    page.get_by_label("IBAN").fill("DE88 3704 0044 0532 0130 00")  # a typo
    page.get_by_label("Kontoinhaber*in").fill("Eda Antrag")
    page.get_by_label("Kostenart").select_option("material")
    page.get_by_label("Wofür?").fill("Bücher und Decken")
    page.get_by_label("Betrag (Euro)", exact=True).fill("200")
    page.get_by_role("button", name="Antrag einreichen").click()
    page.get_by_text("Die Prüfziffern passen nicht").first.wait_for()
    assert page.get_by_label("Titel der Aktion").input_value() == "Lesepicknick im Park"
    assert_accessible(page)
    page.get_by_label("IBAN").fill("DE89 3704 0044 0532 0130 00")
    # Nobody types the total: the server adds it up (200 + 5 % flat rate).
    page.get_by_role("button", name="Betrag berechnen").click()
    page.get_by_role("status").get_by_text("210,00").wait_for()
    assert_accessible(page)
    shoot(page, "antrag-formular")
    page.get_by_role("button", name="Antrag einreichen").click()
    page.get_by_role("heading", name="Lesepicknick im Park").wait_for()
    page.get_by_text("DE89 **** **** **** **30 00").wait_for()
    assert_accessible(page)
    shoot(page, "antrag-status")

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
    office = new_page(browser)
    log_in(office, site, fund_clerk("e2e.mittel@example.org").email, PASSWORD)
    office.goto(site.url + FUND + "buero/")
    office.locator(".ledger-chart__label", has_text="Gebunden").wait_for()
    assert_accessible(office)
    shoot(office, "mittel")
    office.context.close()


def shoot(page, name):
    """Screenshots at 375 and 1280 px into QUARTIER_SHOTS (if set)."""
    import os

    folder = os.environ.get("QUARTIER_SHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def fund_clerk(email):
    """Office staff with the fund's permission only (logs in without a second factor)."""
    from django.contrib.auth.models import Permission

    user = resident(email)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="fund", codename="manage_fund")
    )
    return user


def test_office_and_jury_work_a_case(page, site, browser, fund_world):
    """The applicant answers the office's question in a real field; the office and the jury
    read the whole application (the jury without contact details); the office checks the
    settlement receipt by receipt (one reduced, one refused), opens a receipt, applies the
    flat rate, closes the case and filters its list."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from demo.pdf import simple_pdf
    from fund import services
    from fund.models import Application
    from intranet.models import Membership
    from intranet.services import meetings

    fund = fund_world.fund
    applicant = resident("e2e.fall@example.org")
    clerk = fund_clerk("e2e.fallbuero@example.org")
    application = services.save_application(
        fund=fund,
        user=applicant,
        data={
            "applicant_type": "initiative",
            "contact_name": "Fatma Fall",
            "organisation": "Hofgemeinschaft Linde",
            "email": "fatma.fall@example.org",
            "phone": "030 555 01",
            "title": "Hofflohmarkt an der Linde",
            "description": "Ein Flohmarkt im Innenhof mit Kuchen.",
            "aim": "Nachbarn kommen ins Gespräch.",
            "target_group": "Alle im Block",
            "place": "Innenhof Lindenstraße",
            "starts_on": timezone.localdate() + timedelta(days=20),
            "ends_on": timezone.localdate() + timedelta(days=20),
            "volunteers": "Acht Nachbarinnen bauen auf.",
            "partners": "Kita Lindenblatt",
            "requested_amount": Decimal("315"),
            "self_check": [],
            "language": "de",
        },
        costs=[{"cost_type": "material", "description": "Tische", "amount": Decimal("300")}],
        income=[],
        page_url=FUND,
        submit=True,
    )
    services.formal_check(
        application=application,
        user=clerk,
        outcome="question",
        text="Wer kümmert sich um den Müll?",
        page_url=FUND,
    )

    log_in(page, site, applicant.email, PASSWORD)
    page.goto(site.url + FUND + f"antraege/{application.pk}/")
    page.get_by_role("link", name="Antrag ergänzen und erneut einreichen").click()
    page.get_by_label("Ihre Antwort auf die Rückfrage").fill("Die Hausmeisterin und wir.")
    assert_accessible(page)
    shoot(page, "fund-answer")
    page.get_by_role("button", name="Antrag einreichen").click()
    page.get_by_role("heading", name="Hofflohmarkt an der Linde").wait_for()

    office = new_page(browser)
    log_in(office, site, clerk.email, PASSWORD)
    office.goto(site.url + FUND + f"antraege/{application.pk}/")
    office.get_by_text("Die Hausmeisterin und wir.", exact=True).wait_for()
    office.get_by_text("Ein Flohmarkt im Innenhof mit Kuchen.", exact=True).first.wait_for()
    office.get_by_text("fatma.fall@example.org").first.wait_for()
    assert_accessible(office)
    shoot(office, "fund-whole-application")
    jury = fund_world.jury.page
    chair = Membership.objects.filter(workspace=jury, role="chair").first().user
    start = timezone.now() + timedelta(days=14)  # its own meeting, whatever ran before
    meetings.save_meeting(
        workspace=jury,
        user=chair,
        data={"title": "Jury im Fall", "starts_at": start, "ends_at": start + timedelta(hours=2)},
    )
    application.refresh_from_db()
    services.formal_check(
        application=application, user=clerk, outcome="complete", text="", page_url=FUND
    )
    application.refresh_from_db()
    juror = resident("e2e.juror.fall@example.org")
    Membership.objects.create(
        workspace=jury, user=juror, role="member", start=timezone.localdate() - timedelta(days=5)
    )
    juror_page = new_page(browser)
    log_in(juror_page, site, juror.email, PASSWORD)
    juror_page.goto(site.url + FUND + f"antraege/{application.pk}/")
    juror_page.get_by_text("Kita Lindenblatt", exact=True).wait_for()
    assert "fatma.fall@example.org" not in juror_page.content()
    assert_accessible(juror_page)

    # The jury grants it in its meeting (the decision journey is tested above).
    meeting = application.agenda_item.meeting
    meeting.starts_at = timezone.now() - timedelta(hours=1)
    meeting.ends_at = timezone.now() + timedelta(hours=1)
    meeting.save()
    voting = Membership.objects.active().filter(workspace=jury, voting=True)
    meetings.record_attendance(
        meeting=meeting, user=chair, statuses={ms.user_id: "present" for ms in voting}
    )
    services.decide(
        application=application,
        user=chair,
        amount=Decimal("300"),
        conditions="",
        yes=voting.count(),
        no=0,
        abstain=0,
        page_url=FUND,
    )
    application.refresh_from_db()
    services.record_payment(application=application, user=clerk, amount=Decimal("300"))
    services.submit_settlement(
        application=application,
        user=applicant,
        receipts=[
            {
                "date": timezone.localdate(),
                "vendor": vendor,
                "amount": Decimal(amount),
                "cost_type": "material",
                "file": SimpleUploadedFile(
                    f"{vendor}.pdf", simple_pdf("Beleg", f"{vendor} {amount} EUR")
                ),
            }
            for vendor, amount in (("Tischverleih", "200"), ("Sektbar", "60"))
        ],
        report="Sechzig Leute kamen.",
        photos=[],
        page_url=FUND,
    )

    office.goto(site.url + FUND + f"antraege/{application.pk}/")
    office.get_by_role("heading", name="Abrechnung prüfen").wait_for()
    assert_accessible(office)
    shoot(office, "fund-settlement-check")
    link = office.get_by_role("link", name="Beleg Tischverleih ansehen")
    assert office.request.get(site.url + link.get_attribute("href")).status == 200
    assert juror_page.request.get(site.url + link.get_attribute("href")).status == 200
    card = office.locator(".kern-card").filter(has_text="Beleg Tischverleih")
    card.get_by_label("kürzen").check()
    card.get_by_label("Anerkannter Betrag bei Kürzung (Euro)").fill("180")
    card.get_by_role("button", name="Prüfung von Tischverleih speichern").click()
    office.get_by_text("Bitte begründen Sie die Kürzung oder Ablehnung.").first.wait_for()
    assert_accessible(office)  # refused: what was typed is kept
    card = office.locator(".kern-card").filter(has_text="Beleg Tischverleih")
    assert card.get_by_label("Anerkannter Betrag bei Kürzung (Euro)").input_value() == "180"
    card.get_by_label("Begründung (bei Kürzung oder Ablehnung)").fill("Pfand abgezogen")
    card.get_by_role("button", name="Prüfung von Tischverleih speichern").click()
    office.get_by_text("Der Beleg ist geprüft.").wait_for()
    card = office.locator(".kern-card").filter(has_text="Beleg Sektbar")
    card.get_by_label("nicht anerkennen").check()
    card.get_by_label("Begründung (bei Kürzung oder Ablehnung)").fill(
        "Alkohol wird nicht gefördert"
    )
    card.get_by_role("button", name="Prüfung von Sektbar speichern").click()
    office.get_by_text("Der Beleg ist geprüft.").wait_for()
    office.get_by_label("Pauschale auf die anerkannten Belege anwenden").check()
    office.get_by_role("button", name="Abrechnung abschließen").click()
    office.get_by_text("Abrechnung abgeschlossen").wait_for()
    assert_accessible(office)
    shoot(office, "fund-settled")
    application.refresh_from_db()
    assert application.state == Application.State.SETTLED
    assert application.proven_amount == Decimal("189.00")  # 180 + 5 % flat rate
    assert services.ledger(fund).reclaimed >= Decimal("111")

    office.goto(site.url + FUND + "buero/")
    office.get_by_label("Stand").select_option("settled")
    office.get_by_role("button", name="Filter anwenden").click()
    office.get_by_role("link", name="Hofflohmarkt an der Linde").wait_for()
    assert_accessible(office)
    shoot(office, "fund-office-list")
    for other in (office, juror_page):
        other.context.close()


def test_jury_conflicts_cancelled_meeting_and_circulation(page, site, browser, fund_world):
    """A juror applies and another is named as a partner: the chair sees both flagged on the
    meeting page (the applicant excluded, the partner to confirm). The chair cancels the
    meeting; the application moves to the next one, and the applicant reads the new date.
    The chair then starts a decision by circulation from the application page."""
    from django.utils import timezone

    from fund import services
    from intranet.models import Membership
    from intranet.services import meetings

    fund = fund_world.fund
    jury = fund_world.jury.page
    clerk = fund_clerk("e2e.juryclerk@example.org")
    chair = resident("e2e.jurychair@example.org", first_name="Clara", last_name="Chair")
    juror = resident("e2e.juryjuror@example.org", first_name="Jan", last_name="Juror")
    partner = resident("e2e.jurypartner@example.org", first_name="Paula", last_name="Partner")
    for person, role in ((chair, "chair"), (juror, "member"), (partner, "member")):
        Membership.objects.create(
            workspace=jury, user=person, role=role, start=timezone.localdate() - timedelta(days=5)
        )
    start = timezone.now() + timedelta(days=8)  # before every other upcoming jury meeting
    special = meetings.save_meeting(
        workspace=jury,
        user=chair,
        data={
            "title": "Jury-Sondersitzung",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
        },
    )
    later = timezone.now() + timedelta(days=30)  # where it goes if nothing else is planned
    meetings.save_meeting(
        workspace=jury,
        user=chair,
        data={
            "title": "Jury-Nachholtermin",
            "starts_at": later,
            "ends_at": later + timedelta(hours=2),
        },
    )
    application = services.save_application(
        fund=fund,
        user=juror,
        data={
            "applicant_type": "initiative",
            "contact_name": "Jan Juror",
            "organisation": "",
            "email": "",
            "phone": "",
            "title": "Lesebank am Spielplatz",
            "description": "Eine Bank mit Bücherkiste.",
            "aim": "Lesen draußen.",
            "target_group": "Kinder und Eltern",
            "place": "Spielplatz Auenweg",
            "starts_on": timezone.localdate() + timedelta(days=40),
            "ends_on": timezone.localdate() + timedelta(days=40),
            "volunteers": "Wir bauen sie.",
            "partners": "Paula Partner (Bücherei)",
            "requested_amount": Decimal("210"),
            "self_check": [],
            "language": "de",
        },
        costs=[{"cost_type": "material", "description": "Holz", "amount": Decimal("200")}],
        income=[],
        page_url=FUND,
        submit=True,
    )
    services.formal_check(
        application=application, user=clerk, outcome="complete", text="", page_url=FUND
    )
    application.refresh_from_db()
    assert application.agenda_item.meeting == special

    log_in(page, site, chair.email, PASSWORD)
    page.goto(site.url + special.get_absolute_url())
    position = application.agenda_item.position
    page.get_by_text(f"Mögliche Befangenheit zu TOP {position}").wait_for()
    page.get_by_text("Jan Juror: stellt den Antrag (eigenes Konto).").wait_for()
    page.get_by_text("Paula Partner: Name unter den Partnern des Antrags.").wait_for()
    assert_accessible(page)
    shoot(page, "jury-conflict-flags")
    page.get_by_role("button", name="Sitzung absagen").click()
    page.get_by_text("abgesagt").first.wait_for()
    application.refresh_from_db()
    moved_to = application.agenda_item.meeting
    assert moved_to != special and moved_to.starts_at > special.starts_at

    applicant = new_page(browser)
    log_in(applicant, site, juror.email, PASSWORD)
    applicant.goto(site.url + FUND + f"antraege/{application.pk}/")
    date = timezone.localtime(moved_to.starts_at).strftime("%d.%m.%Y")
    applicant.get_by_text(f"Jurysitzung am {date}").first.wait_for()
    assert_accessible(applicant)
    shoot(applicant, "jury-rescheduled-applicant")
    applicant.context.close()

    page.goto(site.url + FUND + f"antraege/{application.pk}/")
    section = page.locator("section").filter(
        has=page.get_by_role("heading", name="Zwischen den Sitzungen entscheiden")
    )
    section.wait_for()
    assert_accessible(page)
    shoot(page, "jury-circulation-offer")
    section.get_by_label("Betrag, über den abgestimmt wird (Euro)").fill("200")
    deadline = timezone.localtime(timezone.now() + timedelta(days=3))
    section.get_by_label("Frist").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    section.get_by_role("button", name="Umlaufverfahren starten").click()
    page.get_by_text("Das Umlaufverfahren läuft.").wait_for()
    assert_accessible(page)
    shoot(page, "jury-circulation-started")
    application.refresh_from_db()
    assert application.circulation is not None
