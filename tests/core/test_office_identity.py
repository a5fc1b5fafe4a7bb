"""The office's identity comes from one place (the site settings): header, footer, the
sender and signature of every kind of e-mail, and PDFs."""

import pytest
from django.core import mail
from django.test import override_settings

from core.identity import current_office
from core.notifications import notify
from tests.portal.factories import PASSWORD, OfficeSettingsFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "Bürgerbüro Zwischenheide"
IDENTITY = {
    "office_name": NAME,
    "street": "Lindenhof 7",
    "postcode": "12345",
    "city": "Zwischenheide",
    "phone": "0000 42 42",
    "email": "post@zwischenheide.example",
    "sender_name": "Ihr Bürgerbüro",
    "sender_email": "nachrichten@zwischenheide.example",
}


@pytest.fixture
def office():
    return OfficeSettingsFactory(**IDENTITY)


def assert_from_office(message):
    assert message.from_email == "Ihr Bürgerbüro <nachrichten@zwischenheide.example>"
    assert "Lindenhof 7\n12345 Zwischenheide" in message.body
    assert "post@zwischenheide.example" in message.body


def test_header_and_footer_show_the_settings(client, office):
    body = client.get("/de/").content.decode()
    header = body.split("</header>")[0]
    footer = body.split("<footer")[1]
    assert NAME in header
    assert NAME in footer and "Lindenhof 7" in footer and "post@zwischenheide.example" in footer


def test_account_mail_comes_from_the_office(client, office):
    client.post(
        "/de/accounts/signup/",
        {
            "email": "neu@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Neu",
        },
    )
    (message,) = mail.outbox
    assert message.subject.startswith(f"{NAME}: ")
    assert_from_office(message)


def test_notification_comes_from_the_office(office):
    notify(UserFactory(), "comments", lambda: "Neu", "https://example.org/", title="Bank")
    (message,) = mail.outbox
    assert_from_office(message)


def test_contact_mail_to_the_office_and_fund_and_intranet_mails_use_the_same_sender(office):
    """Every mail goes through core.tasks.send_email, whoever sends it."""
    from core.tasks import send_email

    send_email.enqueue(subject="Einladung", body="Hallo", recipients=["a@example.org"])
    (message,) = mail.outbox
    assert_from_office(message)


def test_changing_the_setting_changes_the_next_mail(office):
    office.sender_name = "Neuer Name"
    office.street = "Am Anger 1"
    office.save()
    notify(UserFactory(), "comments", lambda: "Neu", "https://example.org/", title="Bank")
    assert mail.outbox[-1].from_email.startswith("Neuer Name <")
    assert "Am Anger 1" in mail.outbox[-1].body


@override_settings(DEFAULT_FROM_EMAIL="Quartier <noreply@quartier.invalid>")
def test_without_a_sender_the_default_is_used():
    OfficeSettingsFactory(office_name=NAME, sender_name="", sender_email="")
    assert current_office().from_email == "Quartier <noreply@quartier.invalid>"
    OfficeSettingsFactory(office_name=NAME, sender_name="", sender_email="a@b.example")
    assert current_office().from_email == f"{NAME} <a@b.example>"


def test_pdfs_carry_the_letterhead(office):
    """Every PDF template includes includes/pdf_office.html; pdf_bytes supplies `office`."""
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import render_to_string

    html = render_to_string("includes/pdf_office.html", {"office": current_office()})
    assert NAME in html and "Lindenhof 7" in html and "12345 Zwischenheide" in html
    templates = Path(settings.BASE_DIR) / "templates"
    for path in templates.rglob("*.html"):
        text = path.read_text()
        if "@page" in text:  # a print template
            assert "includes/pdf_office.html" in text, path


def test_a_code_sheet_pdf_names_the_office(office):
    import io
    from types import SimpleNamespace

    from pypdf import PdfReader

    from participation.voting.sheets import code_sheet_pdf

    process = SimpleNamespace(
        title="Spielstraße", site_subpage_url=lambda *args: "https://example.org/abstimmen/"
    )
    batch = SimpleNamespace(label="Stapel 1", expires_at=None)
    text = PdfReader(io.BytesIO(code_sheet_pdf(process, batch, ["ABCD-EFGH"]))).pages[0]
    text = text.extract_text()
    assert NAME in text and "Lindenhof 7" in text
