import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from portal.contact.models import AccessibilityFeedback, one_month_after

from .factories import AccessibilityStatementPageFactory, ContactPageFactory, OfficeSettingsFactory

pytestmark = pytest.mark.django_db
OFFICE = "buero@muehlbach-sued.example"
VALID = {
    "ihr_name": "Kim",
    "ihre_e_mail_adresse": "kim@example.org",
    "ihre_nachricht": "Wann ist das nächste Straßenfest?",
}


@pytest.fixture(scope="module")
def forms(module_db):
    """The contact form (name, e-mail address, message) mailing the office, and the
    accessibility statement, whose reports go to the office's address."""
    OfficeSettingsFactory(email=OFFICE)
    return {
        "contact": ContactPageFactory(slug="kontakt", to_address=OFFICE),
        "accessibility": AccessibilityStatementPageFactory(slug="barrierefreiheit"),
    }


def test_contact_form_stores_and_mails(client, forms):
    response = client.post("/de/kontakt/", VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert mail.outbox[-1].to == [OFFICE]
    assert "Straßenfest" in mail.outbox[-1].body


def test_contact_form_error_keeps_input(client, forms):
    response = client.post("/de/kontakt/", {**VALID, "ihre_e_mail_adresse": "kein-mail"})
    body = response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert "Wann ist das nächste Straßenfest?" in body
    assert 'aria-invalid="true"' in body


def test_contact_form_honeypot(client, forms):
    response = client.post("/de/kontakt/", {**VALID, "website": "http://spam.example"})
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert not mail.outbox


def test_contact_form_rate_limit_keeps_input(client, forms):
    for _ in range(5):
        client.post("/de/kontakt/", VALID)
    response = client.post("/de/kontakt/", {**VALID, "ihre_nachricht": "Noch eine Frage"})
    assert response.status_code == 429
    assert "Noch eine Frage" in response.content.decode()
    assert FormSubmission.objects.count() == 5


def test_accessibility_feedback_has_one_month_deadline(client, forms):
    response = client.post(
        "/de/barrierefreiheit/",
        {
            "page_url": "/de/termine/",
            "message": "Der Kalender ist nicht per Tastatur bedienbar.",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.answer_due == one_month_after(timezone.localdate())
    assert not feedback.is_overdue()
    assert mail.outbox[-1].to == [OFFICE]
    followed = client.get(response["Location"]).content.decode()
    assert "Danke für Ihre Meldung" in followed


def test_accessibility_feedback_needs_consent_and_keeps_text(client, forms):
    response = client.post("/de/barrierefreiheit/", {"message": "Kontrast zu schwach"})
    assert response.status_code == 200
    assert "Kontrast zu schwach" in response.content.decode()
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.parametrize(
    ("day", "due"),
    [
        ((2026, 1, 31), (2026, 2, 28)),
        ((2026, 12, 15), (2027, 1, 15)),
        ((2028, 1, 30), (2028, 2, 29)),
    ],
)
def test_one_month_after(day, due):
    from datetime import date

    assert one_month_after(date(*day)) == date(*due)


def test_done_flag_records_time():
    feedback = AccessibilityFeedback.objects.create(message="x")
    feedback.done = True
    feedback.save()
    assert feedback.done_at is not None


@override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.1"])
def test_behind_the_proxy_the_limit_hits_only_the_sender(forms):
    sender = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    neighbour = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    for _ in range(5):
        sender.post("/de/kontakt/", VALID)
    assert sender.post("/de/kontakt/", VALID).status_code == 429
    assert neighbour.post("/de/kontakt/", VALID).status_code == 200
    feedback = {"message": "Kontrast zu schwach", "consent": "on"}
    for _ in range(5):
        sender.post("/de/barrierefreiheit/", feedback)
    assert sender.post("/de/barrierefreiheit/", feedback).status_code == 429
    assert neighbour.post("/de/barrierefreiheit/", feedback).status_code == 302
