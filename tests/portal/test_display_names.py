"""Display names: chosen at sign-up (public, never the e-mail), editable, filled in for
existing accounts."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def signup(client, email, display_name):
    return client.post(
        "/de/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": display_name,
        },
    )


def test_signup_asks_for_a_public_display_name(client):
    body = client.get("/de/accounts/signup/").content.decode()
    assert 'name="display_name"' in body
    assert "Öffentlich sichtbar bei Ihren Vorschlägen und Kommentaren" in body
    response = signup(client, "anna@example.org", "  Anna vom Weiher ")
    assert response.status_code == 302
    assert User.objects.get(email="anna@example.org").display_name == "Anna vom Weiher"


@pytest.mark.parametrize(
    "value, message",
    [("", "Dieses Feld muss ausgefüllt werden."), ("anna@example.org", "ohne „@“")],
)
def test_signup_without_a_proper_display_name_keeps_the_form(client, value, message):
    response = signup(client, "bert@example.org", value)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'value="bert@example.org"' in body  # nothing typed is lost
    assert not User.objects.filter(email="bert@example.org").exists()


def test_account_page_shows_and_changes_the_display_name(client):
    person = UserFactory(display_name="Kim")
    client.force_login(person)
    overview = client.get("/de/accounts/me/").content.decode()
    assert "Kim" in overview and "/de/accounts/me/anzeigename/" in overview
    refused = client.post("/de/accounts/me/anzeigename/", {"display_name": "x"})
    assert refused.status_code == 200
    assert "mindestens zwei Zeichen" in refused.content.decode()
    response = client.post("/de/accounts/me/anzeigename/", {"display_name": "Kim aus Haus 3"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Kim aus Haus 3"


def test_existing_accounts_get_initials_or_stay_a_resident():
    migration = importlib.import_module("portal.accounts.migrations.0004_user_display_name")
    named = UserFactory(first_name="Anna", last_name="Beispiel-Weg", display_name="")
    unnamed = UserFactory(first_name="", last_name="", display_name="")
    chosen = UserFactory(first_name="Carl", last_name="Chosen", display_name="Carlo")
    migration.fill_display_names(apps, None)
    for person in (named, unnamed, chosen):
        person.refresh_from_db()
    assert named.display_name == "A. B."
    assert unnamed.display_name == "" and unnamed.public_name == "Bewohner*in"
    assert chosen.display_name == "Carlo"
    assert unnamed.email not in unnamed.public_name
