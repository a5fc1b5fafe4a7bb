"""After the grant: payments, settlement with receipts, reclaims, the ledger, who sees an
application, and the public list and annual report (with consent)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fund import services
from tests.portal.factories import UserFactory

from .factories import make_fund, office_editor, quorate, scheduled

pytestmark = pytest.mark.django_db


def test_payment_settlement_reclaim_and_ledger():
    fund, page, people, meeting = make_fund("money")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = office_editor()
    services.record_payment(
        application=application, user=staff, amount=Decimal("500"), note="Vorschuss"
    )
    with pytest.raises(services.Refused):
        services.record_payment(application=application, user=staff, amount=Decimal("1"))
    today = application.decided_on + timedelta(days=3)
    receipt = {
        "date": application.decided_on,
        "vendor": "Baumarkt",
        "amount": Decimal("420"),
        "cost_type": "material",
        "file": SimpleUploadedFile("beleg.pdf", b"%PDF-1.4 x"),
    }
    services.submit_settlement(
        application=application,
        user=application.applicant,
        receipts=[receipt],
        report="Schön war es.",
        photos=[],
        page_url=page.url,
        today=today,
    )
    proven = services.check_settlement(application=application, user=staff, page_url=page.url)
    assert proven == Decimal("420")
    ledger = services.ledger(fund)
    assert (ledger.committed, ledger.paid, ledger.reclaimed) == (
        Decimal("420"),
        Decimal("500"),
        Decimal("80"),
    )
    assert ledger.free == fund.budget - Decimal("420")


def test_receipt_before_the_approval_and_settlement_after_the_deadline_are_refused():
    fund, page, people, meeting = make_fund("receipts")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    early = {
        "date": application.decided_on - timedelta(days=1),
        "vendor": "Laden",
        "amount": Decimal("10"),
        "cost_type": "material",
        "file": SimpleUploadedFile("beleg.pdf", b"%PDF-1.4 x"),
    }
    with pytest.raises(services.Refused, match="vor der Bewilligung"):
        services.submit_settlement(
            application=application,
            user=application.applicant,
            receipts=[early],
            report="Bericht",
            photos=[],
            page_url=page.url,
            today=application.decided_on,
        )
    assert not application.receipts.exists()
    late = application.settlement_due + timedelta(days=1)
    with pytest.raises(services.NotAllowed, match="abgelaufen"):
        services.submit_settlement(
            application=application,
            user=application.applicant,
            receipts=[],
            report="x",
            photos=[],
            page_url=page.url,
            today=late,
        )


def test_who_sees_an_application():
    fund, page, people, meeting = make_fund("views")
    application = scheduled(fund, page)
    url = page.url + f"antraege/{application.pk}/"
    owner = Client()
    owner.force_login(application.applicant)
    juror = Client()
    juror.force_login(people["m1"])
    stranger = Client()
    stranger.force_login(UserFactory())
    assert owner.get(url).status_code == 200
    assert juror.get(url).status_code == 200
    assert stranger.get(url).status_code == 403
    assert Client().get(url).status_code == 403
    assert stranger.get(page.url + "buero/").status_code == 403
    assert juror.get(page.url + "buero/").status_code == 200
    assert stranger.get(page.url + "bericht/csv/").status_code == 403


def test_public_list_and_annual_report_respect_consent():
    fund, page, people, meeting = make_fund("public")
    shown = scheduled(fund, page, title="Mit Namen", organisation="Nachbarschaftschor")
    hidden = scheduled(
        fund, page, title="Ohne Namen", organisation="Geheimverein", consent_name=False
    )
    quorate(meeting, people)
    for application in (shown, hidden):
        services.decide(
            application=application,
            user=people["taker"],
            amount=Decimal("500"),
            conditions="",
            yes=4,
            no=0,
            abstain=0,
            page_url=page.url,
        )
    text = Client().get(page.url + "gefoerdert/").content.decode()
    assert "Mit Namen" in text and "Nachbarschaftschor" in text
    assert "Ohne Namen" in text and "Geheimverein" not in text
    staff = Client()
    staff.force_login(office_editor())
    report = staff.get(page.url + "bericht/csv/").content.decode("utf-8-sig")
    assert "Nachbarschaftschor" in report and "Geheimverein" not in report
    assert staff.get(page.url + "bericht/xlsx/").status_code == 200
    assert staff.get(page.url + "bericht/pdf/").content.startswith(b"%PDF")


def test_payment_records_the_mode_of_payment():
    fund, page, people, meeting = make_fund("mode")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = Client()
    staff.force_login(office_editor())
    url = page.url + f"antraege/{application.pk}/auszahlung/"
    assert staff.post(url, {"mode": "advance", "amount": "200"}).status_code == 302
    application.refresh_from_db()
    assert application.payment_mode == "advance"
    assert services.paid_so_far(application) == Decimal("200")
    refused = staff.post(url, {"mode": "advance", "amount": "301"})
    assert refused.status_code == 400 and "höchstens der bewilligte Betrag" in (
        refused.content.decode()
    )
