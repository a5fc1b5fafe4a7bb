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


@pytest.fixture(scope="module")
def office_texts(module_db, contact):
    from portal.models import OfficeTexts

    german = OfficeTexts.objects.create(
        locale=locale("de"),
        opening_hours="Montag 10–13 Uhr",
        social_links=[("link", {"label": "Stadtteilzeitung", "url": "https://z.example"})],
    )
    translate(
        german,
        "en",
        {"Montag 10–13 Uhr": "Monday 10 am–1 pm", "Stadtteilzeitung": "Neighbourhood paper"},
    )
    return german


def test_opening_hours_and_links_appear_translated(client, office_texts):
    html = client.get("/en/kontakt/").content.decode()
    assert '<bdi lang="en">Monday 10 am–1 pm</bdi>' in html
    assert ">Neighbourhood paper</a>" in html
    assert "Montag 10–13 Uhr" not in html and "Stadtteilzeitung" not in html


def test_untranslated_opening_hours_are_marked_german(client, office_texts):
    html = client.get("/tr/kontakt/").content.decode()
    assert '<bdi lang="de">Montag 10–13 Uhr</bdi>' in html
    assert '<bdi lang="de">Stadtteilzeitung</bdi>' in html
    arabic = client.get("/ar/kontakt/").content.decode()
    assert '<bdi lang="de" dir="ltr">Montag 10–13 Uhr</bdi>' in arabic


def test_office_texts_cost_one_query_per_request(client, office_texts):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/kontakt/")
    assert sum("portal_officetexts" in q["sql"] for q in queries.captured_queries) == 1
