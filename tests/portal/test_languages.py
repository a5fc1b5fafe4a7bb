import re

import pytest
from django.utils import translation

from .factories import ContentPageFactory, OfficeSettingsFactory, german_home, paragraphs, translate

BINDING_NOTE = "Dies ist eine Übersetzung. Rechtlich verbindlich ist das deutsche Original."
UNTRANSLATED = "Diese Seite gibt es noch nicht in Ihrer Sprache. Sie sehen das deutsche Original."


def in_language(code, text):
    with translation.override(code):
        translated = translation.gettext(text)
    assert translated != text or code == "de", f"{text!r} is not translated into {code}"
    return translated


LANG_ATTRS = {
    "de": ('lang="de"', 'dir="ltr"'),
    "de-ls": ('lang="de-x-ls"', 'dir="ltr"'),
    "en": ('lang="en"', 'dir="ltr"'),
    "tr": ('lang="tr"', 'dir="ltr"'),
    "ar": ('lang="ar"', 'dir="rtl"'),
    "ru": ('lang="ru"', 'dir="ltr"'),
    "uk": ('lang="uk"', 'dir="ltr"'),
}
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def about(module_db):
    """A page in the main menu, translated into English only; the office's address."""
    OfficeSettingsFactory(street="Weidenweg 14", postcode="99999", city="Auenstadt")
    page = ContentPageFactory(
        title="Über das Stadtteilbüro",
        slug="ueber-uns",
        show_in_menus=True,
        intro="Wer wir sind und wie wir arbeiten.",
        body=paragraphs("Das Stadtteilbüro bringt Menschen im Quartier zusammen."),
    )
    translate(
        page,
        "en",
        {
            "Über das Stadtteilbüro": "About the neighbourhood office",
            "Wer wir sind und wie wir arbeiten.": "Who we are and how we work.",
            "Das Stadtteilbüro bringt Menschen im Quartier zusammen.": (
                "The office brings the people of the neighbourhood together."
            ),
        },
    )
    return page


@pytest.mark.parametrize(
    ("accept", "target"),
    [("ar,en;q=0.5", "/ar/"), ("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr", "/de/"), ("", "/de/")],
)
def test_root_redirects_to_best_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("code", LANG_ATTRS)
def test_home_in_every_language_has_right_lang_and_dir(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html_tag = re.search(r"<html[^>]*>", response.content.decode()).group(0)
    for attribute in LANG_ATTRS[code]:
        assert attribute in html_tag
    assert response["Content-Language"] == code


def test_home_translation_is_shown_with_binding_note(client):
    translate(german_home(), "en", {"Startseite": "Welcome to Mühlbach-Süd"})
    body = client.get("/en/").content.decode()
    assert "Welcome to Mühlbach-Süd" in body
    assert in_language("en", BINDING_NOTE) in body


def test_switcher_names_languages_natively_and_keeps_the_page(client, about):
    body = client.get("/de/ueber-uns/").content.decode()
    for code, name in [
        ("de", "Deutsch"),
        ("de-ls", "Leichte Sprache"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("ru", "Русский"),
        ("uk", "Українська"),
    ]:
        assert f'href="/{code}/ueber-uns/"' in body
        assert f">{name}</a>" in body


def test_untranslated_page_shows_german_original_with_notice(client, about):
    body = client.get("/tr/ueber-uns/").content.decode()
    assert "Über das Stadtteilbüro" in body  # the German original
    assert '<article lang="de">' in body
    assert in_language("tr", UNTRANSLATED) in body
    assert UNTRANSLATED not in body


def test_translated_page_has_hreflang_alternates_only_for_real_translations(client, about):
    body = client.get("/de/ueber-uns/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/ueber-uns/"' in body
    assert 'hreflang="x-default" href="http://testserver/de/ueber-uns/"' in body
    assert 'rel="alternate" hreflang="tr"' not in body


def test_german_page_has_no_translation_notes(client, about):
    body = client.get("/de/ueber-uns/").content.decode()
    assert "deutsche Original" not in body


@pytest.mark.parametrize("path", ["/fr/", "/pt-br/kontakt/", "/de/gibt-es-nicht/", "/ar/x/y/"])
def test_unknown_language_or_page_gives_styled_404(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'class="site-header"' in body
    assert 'lang="ar"' in body or path.startswith("/de/")


def test_404_is_in_the_visitors_language(client):
    body = client.get("/en/gibt-es-nicht/").content.decode()
    assert 'lang="en"' in body
    assert in_language("en", "Diese Seite gibt es nicht") in body


def test_account_pages_are_prefixed_and_translated(client):
    assert client.get("/ar/accounts/login/").status_code == 200
    body = client.get("/uk/accounts/signup/").content.decode()
    assert 'lang="uk"' in body
    assert 'href="/de/accounts/signup/"' in body  # switcher keeps the view


def test_german_only_content_is_marked_as_german(client, about):
    body = client.get("/ar/").content.decode()
    assert 'lang="de">Über das Stadtteilbüro</a>' in body  # menu entry of an untranslated page
    assert '<span class="site-header__name" lang="de">' in body
    assert '<bdi lang="de" dir="ltr">99999 Auenstadt</bdi>' in body
    english = client.get("/en/").content.decode()
    assert ">About the neighbourhood office</a>" in english  # translated: no lang override
