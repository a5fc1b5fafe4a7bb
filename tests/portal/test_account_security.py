"""Account security: re-authentication before changing e-mail or password, allauth's rate
limits behind a proxy, e-mails without user names, admin avatars, security headers."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from portal.accounts.adapter import user_display

from .factories import PASSWORD, OfficeSettingsFactory, UserFactory

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


# --- e-mails carry the office's name, never a user name ---------------------------------------

OFFICE = "Stadtteilbüro Mühlbach-Süd"


def assert_office_mail(message, username):
    assert message.subject.startswith(f"{OFFICE}: ")
    assert OFFICE in message.body
    assert "Hallo von !" not in message.body and "Hello from" not in message.body
    assert username not in message.subject and username not in message.body


def test_signup_mail_names_the_office_and_no_user_name(client):
    OfficeSettingsFactory(office_name=OFFICE)
    client.post(
        "/de/accounts/signup/",
        {
            "email": "kim.meier@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Kim",
        },
    )
    (message,) = mail.outbox
    assert message.to == ["kim.meier@example.org"]
    user = EmailAddress.objects.get(email="kim.meier@example.org").user
    assert_office_mail(message, user.username)
    assert "/accounts/confirm-email/" in message.body


def test_password_reset_mail_never_tells_the_user_name(client):
    OfficeSettingsFactory(office_name=OFFICE)
    user = UserFactory(username="interner-name-4711")
    client.post("/de/accounts/password/reset/", {"email": user.email})
    (message,) = mail.outbox
    assert_office_mail(message, "interner-name-4711")
    assert "/accounts/password/reset/key/" in message.body


def test_password_change_is_announced_by_mail_from_the_office():
    OfficeSettingsFactory(office_name=OFFICE)
    user = UserFactory(username="interner-name-4712")
    form = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    logged_in(user).post(PASSWORD_URL, form)
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert_office_mail(message, "interner-name-4712")


def test_people_are_shown_by_name_or_email_never_by_user_name():
    nameless = UserFactory(username="interner-name-4713")
    named = UserFactory(username="interner-name-4714", first_name="Kim", last_name="Meier")
    assert user_display(nameless) == nameless.email
    assert user_display(named) == "Kim Meier"
    page = logged_in(nameless).get(EMAIL_URL).content.decode()
    assert "interner-name-4713" not in page


# --- admin avatars and security headers -----------------------------------------------------


def test_admin_avatars_are_not_loaded_from_gravatar(people):
    from wagtail.users.utils import get_gravatar_url

    assert get_gravatar_url(people["admin"].email) is None
    page = logged_in(people["admin"]).get("/admin/").content.decode()
    assert "gravatar" not in page
    assert "avatar" in page  # the built-in default avatar is shown instead


@pytest.mark.parametrize("path", ["/de/", "/de/gibt-es-nicht/", "/admin/", "/de/accounts/login/"])
def test_permissions_policy_on_every_response(client, path):
    policy = client.get(path)["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for off in ["camera", "microphone", "payment", "usb", "display-capture"]:
        assert features[off] == "()", off
    assert features["geolocation"] == "(self)"
    assert "*" not in policy


def test_admin_policy_allows_no_inline_handlers_eval_or_other_hosts(people):
    policy = logged_in(people["admin"]).get("/admin/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src-attr"] == "'none'"
    assert directives["style-src-attr"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "'unsafe-eval'" not in policy
    assert "*" not in policy and "http" not in policy
    assert "gravatar" not in policy


# --- allauth's rate limits behind the proxy -----------------------------------------------------


@override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.1"])
def test_failed_logins_behind_the_proxy_block_only_that_client():
    victim = UserFactory()
    # "login_failed": 10 per minute per address; each attempt below uses another account,
    # so only the per-address limit can apply.
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for n in range(10):
        attacker.post("/de/accounts/login/", {"login": f"x{n}@example.org", "password": "x"})
    blocked = attacker.post("/de/accounts/login/", {"login": victim.email, "password": PASSWORD})
    assert "_auth_user_id" not in attacker.session
    assert blocked.status_code in {200, 429}
    neighbour = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = neighbour.post("/de/accounts/login/", {"login": victim.email, "password": PASSWORD})
    assert response.status_code == 302
    assert neighbour.session["_auth_user_id"] == str(victim.pk)


def test_allauth_sees_the_same_client_address():
    from allauth.account.adapter import get_adapter

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    with override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.1"]):
        assert get_adapter(request).get_client_ip(request) == "203.0.113.9"
    assert get_adapter(request).get_client_ip(request) == "10.0.0.1"
