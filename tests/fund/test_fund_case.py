"""The fund, end to end, as the office and the jury work on a case: the whole application
(the jury without contact details), the question with a real answer, receipts that open for
the office and the jury only, the settlement checked receipt by receipt (deadline, missing
receipt, actual income, flat rate, reclaimed advance, closing), the office's list with its
filters, the annual report for German Excel, and a fund item never decided by the meeting's
generic form."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from core.refusals import Refused
from fund import services
from fund.models import Application, Receipt, SettlementPhoto
from fund.models.applications import State
from intranet import interface as intranet
from intranet.services import minutes
from tests.portal.factories import UserFactory

from .factories import application_data, in_state, make_fund, office_editor, quorate, scheduled

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def granted(slug, amount="500", advance=None, **fields):
    """An application granted `amount` by the jury in its running meeting (the ledger
    commits it), optionally with an advance paid; returns (fund, page, people, application,
    staff)."""
    fund, page, people, meeting = make_fund(slug, **fields)
    application = scheduled(fund, page, email="ada@example.org", phone="030 1234")
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal(amount),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = office_editor()
    if advance:
        services.record_payment(
            application=application, user=staff, amount=Decimal(advance), mode="advance"
        )
    return fund, page, people, application, staff


def receipt(vendor, amount, day=None):
    return {
        "date": day or timezone.localdate(),
        "vendor": vendor,
        "amount": Decimal(amount),
        "cost_type": "material",
        "file": SimpleUploadedFile(f"{vendor}.pdf", b"%PDF-1.4 " + vendor.encode()),
    }


def settle(application, page, *receipts):
    services.submit_settlement(
        application=application,
        user=application.applicant,
        receipts=list(receipts),
        report="Es war schön.",
        photos=[],
        page_url=page.url,
    )
    application.refresh_from_db()


# --- the whole application, and who sees the contact details ------------------------------


def test_office_and_jury_read_the_whole_application_only_the_office_the_contact(
    django_assert_max_num_queries,
):
    fund, page, people, meeting = make_fund("whole")
    application = scheduled(
        fund,
        page,
        email="ada@example.org",
        phone="030 98765",
        partners="Kita Sonnenschein",
        description="Ein Fest im Hof mit Musik.",
        aim="Nachbarn lernen sich kennen.",
        target_group="Familien im Block",
        volunteers="Zwölf Leute bauen auf.",
    )
    url = page.url + f"antraege/{application.pk}/"
    whole = [
        "Ein Fest im Hof mit Musik.",
        "Nachbarn lernen sich kennen.",
        "Familien im Block",
        "Zwölf Leute bauen auf.",
        "Kita Sonnenschein",
        "Verlauf",
    ]
    contact = ["ada@example.org", "030 98765", "Ada Antrag"]
    staff = client_for(office_editor())
    staff.get(url)  # warm the page and site caches
    with django_assert_max_num_queries(40):
        text = staff.get(url).content.decode()
    assert all(part in text for part in whole + contact)
    text = client_for(people["m1"]).get(url).content.decode()
    assert all(part in text for part in whole)
    assert not any(part in text for part in contact)


def test_the_question_gets_a_real_answer_that_the_office_reads():
    fund, page, people, meeting = make_fund("answer")
    applicant = UserFactory()
    application = services.save_application(
        fund=fund,
        user=applicant,
        data=application_data(),
        costs=[{"cost_type": "material", "description": "Bänke", "amount": Decimal("500")}],
        income=[],
        page_url=page.url,
        submit=True,
    )
    staff = office_editor()
    office = client_for(staff)
    office.post(
        page.url + f"antraege/{application.pk}/pruefen/",
        {"outcome": "question", "text": "Wo genau im Hof?"},
    )
    application.refresh_from_db()
    assert application.state == State.QUESTION
    mine = client_for(applicant)
    edit = page.url + f"antraege/{application.pk}/bearbeiten/"
    form = mine.get(edit).content.decode()
    assert "Ihre Antwort auf die Rückfrage" in form and "Wo genau im Hof?" in form
    data = {
        "applicant_type": "initiative",
        "contact_name": "Ada Antrag",
        "title": "Hoffest",
        "description": "Ein Fest im Hof.",
        "aim": "Kennenlernen",
        "target_group": "alle",
        "place": "Hof 3, hinten links",
        "starts_on": application.starts_on.isoformat(),
        "ends_on": application.ends_on.isoformat(),
        "volunteers": "Wir bauen auf.",
        "requested_amount": "525",
        "cost-TOTAL_FORMS": "1",
        "cost-INITIAL_FORMS": "0",
        "cost-0-cost_type": "material",
        "cost-0-description": "Bänke",
        "cost-0-amount": "500",
        "income-TOTAL_FORMS": "0",
        "income-INITIAL_FORMS": "0",
        "submit": "1",
    }
    refused = mine.post(edit, data)
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Bitte beantworten Sie die Rückfrage" in text and "Hof 3, hinten links" in text
    response = mine.post(edit, {**data, "answer": "Im hinteren Hof, neben der Linde."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == State.SUBMITTED
    assert application.answer == "Im hinteren Hof, neben der Linde."
    text = office.get(page.url + f"antraege/{application.pk}/").content.decode()
    assert "Rückfrage und Antwort" in text
    assert "Wo genau im Hof?" in text and "Im hinteren Hof, neben der Linde." in text
    assert application.events.filter(note__contains="neben der Linde").exists()


# --- receipts and photos: office and jury, nobody else --------------------------------------


FILE_EXPECTED = {
    "anonymous": False,
    "resident": False,
    "other_applicant": False,
    "other_body": False,
    "applicant": True,
    "office": True,
    "jury_member": True,
    "jury_guest": True,
    "chair": True,
}


def test_receipts_and_photos_open_for_office_and_jury_only():
    fund, page, people, meeting = make_fund("files")
    applicant = UserFactory()
    application = in_state(fund, State.SETTLEMENT, applicant=applicant)
    stored = Receipt(
        application=application,
        date=timezone.localdate(),
        vendor="Baumarkt",
        amount=Decimal("10"),
        cost_type="material",
    )
    stored.file.save("bon.pdf", ContentFile(b"%PDF-1.4 bon"), save=True)
    photo = SettlementPhoto(application=application, alt="Das Fest")
    photo.image.save("fest.png", ContentFile(_png()), save=True)
    other_body = make_fund("files-other")[2]["m1"]
    users = {
        "anonymous": None,
        "resident": UserFactory(),
        "other_applicant": in_state(fund, State.SETTLEMENT, applicant=UserFactory()).applicant,
        "other_body": other_body,
        "applicant": applicant,
        "office": office_editor(),
        "jury_member": people["m1"],
        "jury_guest": people["guest"],
        "chair": people["chair"],
    }
    base = page.url + f"antraege/{application.pk}/"
    wrong = []
    for role, user in users.items():
        client = client_for(user)
        for url in (base + f"belege/{stored.pk}/", base + f"fotos/{photo.pk}/"):
            response = client.get(url)
            opened = response.status_code == 200
            if opened != FILE_EXPECTED[role] or response.status_code >= 500:
                wrong.append(f"{role} {url}: {response.status_code}")
    assert not wrong, wrong


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


# --- the settlement, checked receipt by receipt ---------------------------------------------


def test_settlement_reduced_refused_flat_rate_income_reclaimed_advance_and_closed():
    fund, page, _people, application, staff = granted("settle", advance="500")
    settle(
        application,
        page,
        receipt("Baumarkt", "200"),
        receipt("Getraenke", "150"),
        receipt("Kino", "100"),
    )
    first, second, third = application.receipts.order_by("pk")
    services.check_receipt(application=application, user=staff, receipt=first, status="accepted")
    with pytest.raises(Refused):  # a reduction names its reason
        services.check_receipt(
            application=application, user=staff, receipt=second, status="reduced", amount=100
        )
    with pytest.raises(Refused):  # and stays below the receipt's amount
        services.check_receipt(
            application=application,
            user=staff,
            receipt=second,
            status="reduced",
            amount=Decimal("150"),
            reason="zu viel",
        )
    services.check_receipt(
        application=application,
        user=staff,
        receipt=second,
        status="reduced",
        amount=Decimal("100"),
        reason="Alkohol wird nicht gefördert.",
    )
    services.check_receipt(
        application=application,
        user=staff,
        receipt=third,
        status="refused",
        reason="Kino ist keine Kostenart der Aktion.",
    )
    proven = services.check_settlement(
        application=application,
        user=staff,
        page_url=page.url,
        actual_income=Decimal("20"),
        apply_flat_rate=True,
    )
    # 200 + 100 accepted, 5 % flat rate 15, minus 20 income
    assert proven == Decimal("295.00")
    application.refresh_from_db()
    assert application.state == State.SETTLED
    assert (application.flat_rate_amount, application.actual_income) == (
        Decimal("15.00"),
        Decimal("20.00"),
    )
    ledger = services.ledger(fund)
    assert ledger.paid == Decimal("500") and ledger.reclaimed == Decimal("205")
    assert ledger.committed == Decimal("295")
    fund.refresh_from_db()
    assert fund.committed == ledger.committed  # the books agree with the fund's sum
    with pytest.raises(services.NotAllowed):  # closed once
        services.check_settlement(application=application, user=staff, page_url=page.url)


def test_the_office_checks_receipts_and_closes_through_the_page(django_assert_max_num_queries):
    fund, page, _people, application, staff = granted("settle-page")
    settle(application, page, receipt("Baumarkt", "300"), receipt("Kiosk", "80"))
    first, second = application.receipts.order_by("pk")
    office = client_for(staff)
    url = page.url + f"antraege/{application.pk}/"
    office.get(url)
    with django_assert_max_num_queries(45):
        text = office.get(url).content.decode()
    assert "Abrechnung prüfen" in text and "Beleg Baumarkt ansehen" in text
    refused = office.post(
        url + "beleg-pruefen/",
        {"receipt_pk": second.pk, f"r{second.pk}-status": "refused", f"r{second.pk}-reason": ""},
    )
    assert refused.status_code == 400
    assert "Bitte begründen Sie die Kürzung oder Ablehnung." in refused.content.decode()
    office.post(
        url + "beleg-pruefen/",
        {
            "receipt_pk": first.pk,
            f"r{first.pk}-status": "reduced",
            f"r{first.pk}-amount": "250,00",
            f"r{first.pk}-reason": "Pfand abgezogen",
        },
    )
    office.post(
        url + "beleg-pruefen/",
        {
            "receipt_pk": second.pk,
            f"r{second.pk}-status": "refused",
            f"r{second.pk}-reason": "Kein Bezug zur Aktion",
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.accepted_amount) == ("reduced", Decimal("250"))
    assert second.status == "refused"
    response = office.post(
        url + "abrechnung-pruefen/", {"actual_income": "", "apply_flat_rate": ""}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == State.SETTLED and application.proven_amount == Decimal("250")
    ledger = services.ledger(fund)
    assert (ledger.committed, ledger.paid, ledger.reclaimed) == (
        Decimal("250"),
        Decimal("250"),
        Decimal("0"),
    )


def test_the_office_asks_for_a_missing_receipt_and_the_applicant_adds_it():
    fund, page, _people, application, staff = granted("missing")
    settle(application, page, receipt("Baumarkt", "100"))
    mail.outbox.clear()
    until = timezone.localdate() + timedelta(days=10)
    with pytest.raises(Refused):
        services.ask_for_receipt(
            application=application, user=staff, text=" ", until=until, page_url=page.url
        )
    services.ask_for_receipt(
        application=application,
        user=staff,
        text="Die Rechnung des Caterers fehlt.",
        until=until,
        page_url=page.url,
    )
    application.refresh_from_db()
    assert application.state == State.APPROVED and application.settlement_due == until
    settle(application, page, receipt("Caterer", "200"))
    assert application.state == State.SETTLEMENT
    assert application.receipts.count() == 2  # the first receipt stayed
    proven = services.check_settlement(application=application, user=staff, page_url=page.url)
    assert proven == Decimal("300")


def test_a_late_settlement_keeps_the_input_names_the_way_and_the_office_extends(
    django_capture_on_commit_callbacks,
):
    fund, page, _people, application, staff = granted("late")
    Application.objects.filter(pk=application.pk).update(
        settlement_due=timezone.localdate() - timedelta(days=1)
    )
    mine = client_for(application.applicant)
    url = page.url + f"antraege/{application.pk}/"
    data = {
        "receipt-TOTAL_FORMS": "1",
        "receipt-INITIAL_FORMS": "0",
        "receipt-0-date": timezone.localdate().isoformat(),
        "receipt-0-vendor": "Spätkauf am Eck",
        "receipt-0-amount": "42,00",
        "receipt-0-cost_type": "material",
        "report": "Zu spät, aber schön.",
    }
    response = mine.post(url + "abrechnung/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "abgelaufen" in text and "Das Stadtteilbüro kann die Frist verlängern" in text
    assert "Spätkauf am Eck" in text and "Zu spät, aber schön." in text
    application.refresh_from_db()
    assert application.state == State.APPROVED and not application.receipts.exists()
    office = client_for(staff)
    until = timezone.localdate() + timedelta(days=14)
    past = office.post(url + "frist/", {"until": "2000-01-01", "reason": ""})
    assert past.status_code == 400 and "Vergangenheit" in past.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(url + "frist/", {"until": until.isoformat(), "reason": "Krankheit"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.settlement_due == until
    assert any("Neue Frist" in message.subject for message in mail.outbox)
    # the applicant is offered the form again
    assert "Abrechnung einreichen" in mine.get(url).content.decode()


# --- the office's list and the annual report ------------------------------------------------


def test_office_list_filters_by_state_meeting_and_year_and_sorts_by_deadline(
    django_assert_max_num_queries,
):
    fund, page, people, meeting = make_fund("list")
    on_agenda = scheduled(fund, page, title="Auf der Tagesordnung")
    late = in_state(fund, State.APPROVED, applicant=UserFactory(), title="Frist spät")
    early = in_state(fund, State.APPROVED, applicant=UserFactory(), title="Frist früh")
    Application.objects.filter(pk=early.pk).update(
        settlement_due=timezone.localdate() + timedelta(days=2)
    )
    last_year = type(fund).objects.create(
        name=fund.name,
        area=fund.area,
        year=fund.year - 1,
        rule=fund.rule,
        residents=100,
        criteria="x",
        jury=fund.jury,
    )
    in_state(last_year, State.SETTLED, applicant=UserFactory(), title="Voriges Jahr")
    office = client_for(office_editor())
    url = page.url + "buero/"
    office.get(url)
    with django_assert_max_num_queries(40):
        text = office.get(url, {"sortierung": "frist"}).content.decode()
    assert text.index("Frist früh") < text.index("Frist spät") < text.index("Auf der Tagesordnung")
    text = office.get(url, {"stand": "approved"}).content.decode()
    assert "Frist spät" in text and "Auf der Tagesordnung" not in text
    text = office.get(url, {"sitzung": on_agenda.agenda_item.meeting_id}).content.decode()
    assert "Auf der Tagesordnung" in text and "Frist spät" not in text
    text = office.get(url, {"jahr": fund.year - 1}).content.decode()
    assert "Voriges Jahr" in text and "Frist spät" not in text
    nonsense = office.get(url, {"stand": "<x>", "sitzung": "abc", "jahr": "1"})
    assert nonsense.status_code == 200 and "Frist spät" in nonsense.content.decode()
    assert late.pk  # listed above


def test_annual_report_settled_apart_and_csv_for_german_excel():
    fund, page, _people, application, staff = granted("report", advance="100")
    settle(application, page, receipt("Baumarkt", "60"))
    services.check_settlement(application=application, user=staff, page_url=page.url)
    open_one = in_state(fund, State.APPROVED, applicant=UserFactory(), title="Noch offen")
    response = client_for(staff).get(page.url + "bericht/excel-csv/")
    assert response.status_code == 200
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header.split(";")[4:8] == [
        "Bewilligt (Euro)",
        "Ausgezahlt (Euro)",
        "Zurückgefordert (Euro)",
        "Abgerechnet (Euro)",
    ]
    by_title = {row.split(";")[1]: row.split(";") for row in rows}
    settled = by_title[application.title]
    assert settled[4:8] == ["500,00", "100,00", "40,00", "60,00"]
    pending = by_title[open_one.title]
    assert pending[7] == ""  # granted, not settled: not counted as settled
    assert client_for(UserFactory()).get(page.url + "bericht/excel-csv/").status_code == 403


# --- the meeting's generic form never decides a fund item -----------------------------------


def test_the_meetings_generic_decision_cannot_grant_a_fund_item():
    fund, page, people, meeting = make_fund("generic")
    application = scheduled(fund, page)
    quorate(meeting, people)
    with pytest.raises(Refused):
        minutes.record_decision(
            item=application.agenda_item,
            user=people["taker"],
            text="650 € bewilligt",
            yes=4,
            no=0,
            abstain=0,
        )
    application.refresh_from_db()
    assert application.state == State.SCHEDULED and application.decision is None
    assert services.ledger(fund).committed == 0
    text = client_for(people["taker"]).get(intranet.meeting_url(meeting)).content.decode()
    position = application.agenda_item.position
    assert f"Beschluss zu TOP {position} auf der Seite des Antrags eintragen" in text
    assert f"Beschluss zu TOP {position} speichern" not in text
