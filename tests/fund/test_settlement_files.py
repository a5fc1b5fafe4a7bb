"""The settlement keeps its receipts when a row is added or another receipt is refused
(core/holding.py); the final submit stores the held files."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.holding import HELD_SUFFIX
from core.models import HeldUpload
from fund.models import Receipt
from fund.models.applications import State
from tests.portal.factories import UserFactory

from .factories import in_state, make_fund

pytestmark = pytest.mark.django_db


def pdf(name):
    return SimpleUploadedFile(name, b"%PDF-1.4 " + name.encode())


def row(fund, index, vendor, amount="10.00", **extra):
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    return {
        f"receipt-{index}-date": day,
        f"receipt-{index}-vendor": vendor,
        f"receipt-{index}-amount": amount,
        f"receipt-{index}-cost_type": fund.cost_type_choices()[0][0],
        **{f"receipt-{index}-{key}": value for key, value in extra.items()},
    }


def management(total):
    return {
        "receipt-TOTAL_FORMS": str(total),
        "receipt-INITIAL_FORMS": "0",
        "receipt-MIN_NUM_FORMS": "1",
        "receipt-MAX_NUM_FORMS": "50",
    }


def held(body, field):
    match = re.search(rf'name="{re.escape(field)}{HELD_SUFFIX}" value="([\w-]+)"', body)
    return match and match.group(1)


@pytest.fixture
def settling(client):
    fund, page, _people, _meeting = make_fund("heldreceipts")
    applicant = UserFactory()
    application = in_state(fund, State.APPROVED, applicant=applicant)
    client.force_login(applicant)
    return fund, page.url + f"antraege/{application.pk}/abrechnung/", application


def test_adding_a_row_keeps_the_chosen_receipt_and_the_final_submit_stores_it(client, settling):
    fund, url, application = settling
    first = client.post(
        url,
        {
            **management(1),
            **row(fund, 0, "Baumarkt", file=pdf("Beleg Baumarkt.pdf")),
            "report": "Schön war es.",
            "add_receipt": "1",
        },
    )
    body = first.content.decode()
    assert first.status_code == 200
    assert "Bereits angehängt" in body and "Beleg Baumarkt.pdf" in body
    assert 'name="receipt-1-vendor"' in body  # the new row
    assert "Bitte prüfen Sie Ihre Eingaben" not in body  # adding a row judges nothing yet
    token = held(body, "receipt-0-file")
    assert token
    second = client.post(
        url,
        {
            **management(2),
            **row(fund, 0, "Baumarkt", **{"file" + HELD_SUFFIX: token}),
            **row(fund, 1, "Bäckerei", file=pdf("Brot.pdf")),
            "report": "Schön war es.",
        },
    )
    assert second.status_code == 302, second.content.decode()[:2000]
    receipts = Receipt.objects.filter(application=application).order_by("vendor")
    assert [(r.vendor, r.original_name) for r in receipts] == [
        ("Baumarkt", "Beleg Baumarkt.pdf"),
        ("Bäckerei", "Brot.pdf"),
    ]
    assert receipts[0].file.read() == b"%PDF-1.4 Beleg Baumarkt.pdf"
    assert not HeldUpload.objects.exists()


def test_a_refused_receipt_is_named_and_the_other_receipt_is_kept(client, settling):
    fund, url, application = settling
    response = client.post(
        url,
        {
            **management(2),
            **row(fund, 0, "Baumarkt", file=pdf("gut.pdf")),
            **row(fund, 1, "Kiosk", file=SimpleUploadedFile("kiosk.pdf", b"<html>nein</html>")),
            "report": "Schön war es.",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "„kiosk.pdf“ wurde nicht angenommen" in body
    assert held(body, "receipt-0-file") and "gut.pdf" in body
    assert not held(body, "receipt-1-file")
    assert "Kiosk" in body and "Schön war es." in body
    assert not Receipt.objects.filter(application=application).exists()
