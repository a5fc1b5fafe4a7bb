"""Account security: re-authentication before changing e-mail or password, allauth's rate
limits behind a proxy, e-mails without user names, admin avatars, security headers."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

EMAIL_URL = "/de/accounts/email/"
PASSWORD_URL = "/de/accounts/password/change/"
NEW_PASSWORD = "ein-neues-langes-Passwort-2026"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- re-authentication ----------------------------------------------------------------------


def test_changing_the_email_address_asks_for_the_password_again():
    user = UserFactory()
    client = logged_in(user)
    response = client.post(EMAIL_URL, {"email": "neu@example.org", "action_add": ""})
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="neu@example.org").exists()
    # A wrong password does not let the change through.
    wrong = client.post(response["Location"], {"password": "falsch-falsch"})
    assert wrong.status_code == 200
    assert not EmailAddress.objects.filter(email="neu@example.org").exists()
    # The right one does; the change that was asked for goes on.
    client.post(response["Location"], {"password": PASSWORD})
    assert EmailAddress.objects.filter(user=user, email="neu@example.org").exists()
    # Right after confirming, a further change needs no second confirmation.
    again = client.post(EMAIL_URL, {"email": "noch-neuer@example.org", "action_add": ""})
    assert not again["Location"].startswith("/de/accounts/reauthenticate/")


def test_removing_an_email_address_asks_for_the_password_again():
    user = UserFactory()
    second = EmailAddress.objects.create(user=user, email="zweit@example.org", verified=True)
    response = logged_in(user).post(EMAIL_URL, {"email": second.email, "action_remove": ""})
    assert response["Location"].startswith("/de/accounts/reauthenticate/")
    assert EmailAddress.objects.filter(pk=second.pk).exists()


def test_changing_the_password_needs_the_current_one():
    user = UserFactory()
    client = logged_in(user)
    form = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = client.post(PASSWORD_URL, {**form, "oldpassword": "falsch-falsch"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    response = client.post(PASSWORD_URL, {**form, "oldpassword": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
