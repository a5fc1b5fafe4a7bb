"""Texts residents read on the contact form appear in their language, or are marked as
German where no translation exists."""

import re

import pytest

from portal.contact.models import ContactFormField

from .factories import ContactPageFactory, locale, translate

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Kontakt": "Contact",
    "Ihr Name": "Your name",
    "Ihre E-Mail-Adresse": "Your e-mail address",
    "Ihre Nachricht": "Your message",
}


@pytest.fixture(scope="module")
def contact(module_db):
    page = ContactPageFactory()
    translate(page, "en", ENGLISH)
    return page


def labels(html):
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(r'<label class="kern-label"[^>]*>(.*?)</label>', html, re.S)
    ]


def test_translated_contact_form_asks_in_english(client, contact):
    html = client.get("/en/kontakt/").content.decode()
    found = labels(html)
    assert any(label.startswith("Your name") for label in found), found
    assert any(label.startswith("Your e-mail address") for label in found), found
    assert not any(label.startswith("Ihr") for label in found), found


def test_translated_form_fields_keep_the_originals_names(client, contact):
    english = contact.get_translation(locale("en"))
    german_names = list(contact.form_fields.values_list("clean_name", flat=True))
    english_fields = ContactFormField.objects.filter(page=english)
    assert list(english_fields.values_list("clean_name", flat=True)) == german_names
    assert {f.locale.language_code for f in english_fields} == {"en"}
    response = client.post(
        "/en/kontakt/",
        {
            "ihr_name": "Kim",
            "ihre_e_mail_adresse": "kim@example.org",
            "ihre_nachricht": "When is the street party?",
        },
    )
    assert response.status_code == 200
    assert english.specific.get_submission_class().objects.filter(page=english).count() == 1


def test_untranslated_contact_form_is_marked_german(client, contact):
    html = client.get("/ar/kontakt/").content.decode()
    form = html[html.index('<form class="kern-form"') :]
    form = form[: form.index("</form>")]
    assert re.search(r'<div lang="de" dir="ltr"[^>]*>\s*(?:<[^>]+>\s*)*', form)
    assert "Ihr Name" in form
    marked = form[form.index('lang="de" dir="ltr"') :]
    assert "Ihr Name" in marked
