"""There are no visible user names: accounts get an opaque internal one, residents and
e-mails never see it, and the Wagtail user admin shows people by name, else e-mail."""

import importlib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
OPAQUE = re.compile(r"^u[0-9a-f]{16}$")


def test_signup_gives_an_opaque_user_name(client):
    client.post(
        "/de/accounts/signup/",
        {
            "email": "kim.meier@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Kim",
        },
    )
    user = User.objects.get(email="kim.meier@example.org")
    assert OPAQUE.match(user.username), user.username
    assert "kim" not in user.username and "meier" not in user.username


def test_accounts_made_without_user_name_get_distinct_opaque_ones():
    first = User.objects.create(email="a@example.org")
    second = User.objects.create(email="b@example.org")
    assert OPAQUE.match(first.username) and OPAQUE.match(second.username)
    assert first.username != second.username
    # A given user name (createsuperuser, demo, factories) stays as it is.
    assert User.objects.create(username="admin", email="c@example.org").username == "admin"


RESIDENT_PAGES = [
    "/de/",
    "/de/accounts/me/",
    "/de/accounts/me/daten/",
    "/de/accounts/me/delete/",
    "/de/accounts/email/",
    "/de/accounts/password/change/",
    "/de/accounts/2fa/",
    "/admin/",
]


def test_no_page_a_resident_sees_shows_the_user_name(client):
    resident = UserFactory(username="geheim-intern-4711", first_name="", last_name="")
    client.force_login(resident)
    shown = 0
    for path in RESIDENT_PAGES:
        response = client.get(path, follow=True)
        assert response.status_code in (200, 403), (path, response.status_code)
        body = response.content.decode()
        assert "geheim-intern-4711" not in body, path
        shown += resident.email in body
    assert shown, "the account pages name the person by e-mail address"


def test_email_change_mail_never_tells_the_user_name(client):
    resident = UserFactory(username="geheim-intern-4711")
    client.force_login(resident)
    client.post("/de/accounts/reauthenticate/", {"password": PASSWORD})
    mail.outbox.clear()
    client.post("/de/accounts/email/", {"action_add": "", "email": "neu@example.org"})
    assert mail.outbox, "a confirmation mail goes to the new address"
    for message in mail.outbox:
        assert "geheim-intern-4711" not in message.subject + message.body


@pytest.fixture
def admin_client(client, people):
    client.force_login(people["admin"])
    return client


def test_user_admin_lists_people_by_name_else_email(admin_client):
    UserFactory(username="intern-anna-1", first_name="Anna", last_name="Berg", email="ab@x.de")
    UserFactory(username="intern-ohne-2", first_name="", last_name="", email="ohne@x.de")
    body = admin_client.get("/admin/users/").content.decode()
    assert "Anna Berg" in body and "ohne@x.de" in body
    assert "intern-anna-1" not in body and "intern-ohne-2" not in body
    # On a phone the name column keeps its room (static/css/admin.css).
    assert "/static/css/admin.css" in body
    # Searching finds people by e-mail address.
    found = admin_client.get("/admin/users/", {"q": "ohne@x"}).content.decode()
    assert "ohne@x.de" in found and "Anna Berg" not in found


def test_user_admin_forms_neither_ask_for_nor_show_the_user_name(admin_client):
    form = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="username"' not in form
    response = admin_client.post(
        "/admin/users/new/",
        {"email": "neu.person@example.org", "first_name": "Neu", "last_name": "Person"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="neu.person@example.org")
    assert OPAQUE.match(user.username)
    edit = admin_client.get(f"/admin/users/edit/{user.pk}/").content.decode()
    assert 'name="username"' not in edit and user.username not in edit
    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {
            "email": "neu.person@example.org",
            "first_name": "Neue",
            "last_name": "Person",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.first_name == "Neue" and OPAQUE.match(user.username)


def test_migration_recognises_user_names_derived_from_e_mails():
    migration = importlib.import_module("portal.accounts.migrations.0003_opaque_usernames")
    derived = migration.derived_from_email
    assert derived("kim.meier@example.org", "kim.meier@example.org")
    assert derived("kimmeier", "kim.meier@example.org")
    assert derived("kim.meier2", "Kim.Meier@example.org")
    assert not derived("u0123456789abcdef", "kim.meier@example.org")
    assert not derived("demo-resident", "kim.meier@example.org")
