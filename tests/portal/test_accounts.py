import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.accounts.models import DeletionRequest

from .factories import PASSWORD, OfficeSettingsFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def signup(client, email, honeypot=""):
    return client.post(
        "/de/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Kim",
            "website": honeypot,
        },
    )


def test_signup_requires_email_verification(client):
    response = signup(client, "neu@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/confirm-email/"
    user = User.objects.get(email="neu@example.org")
    assert not user.emailaddress_set.get().verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    # Not verified yet: logging in sends to the verification page, not into the account.
    client.logout()
    response = client.post(
        "/de/accounts/login/", {"login": "neu@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/de/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_verification_link_activates_account(client):
    signup(client, "link@example.org")
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    client.post(path)
    assert User.objects.get(email="link@example.org").emailaddress_set.get().verified


def test_signup_with_existing_address_reveals_nothing(client):
    UserFactory(email="vorhanden@example.org")
    fresh = signup(client, "frisch@example.org")
    client.logout()
    existing = signup(client, "vorhanden@example.org")
    assert existing.status_code == fresh.status_code == 302
    assert existing["Location"] == fresh["Location"]
    assert User.objects.filter(email="vorhanden@example.org").count() == 1
    # The owner of the address is told, by mail only.
    assert mail.outbox[-1].to == ["vorhanden@example.org"]


def test_honeypot_filled_creates_no_account(client):
    response = signup(client, "bot@example.org", honeypot="http://spam.example")
    assert response.status_code == 302
    assert not User.objects.filter(email="bot@example.org").exists()


def test_signup_error_keeps_what_was_typed(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "tippfehler@example.org", "password1": PASSWORD, "password2": "anders"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="tippfehler@example.org"' in body
    assert 'aria-invalid="true"' in body
    assert 'lang="en"' in body


def test_login_by_email(client):
    user = UserFactory()
    response = client.post("/de/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_overview")
    assert client.get(reverse("account_overview")).status_code == 200


def test_failed_login_keeps_email_and_rate_limit_message_is_translated(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": user.email, "password": "falsch"})
        assert response.status_code == 200
        assert f'value="{user.email}"' in response.content.decode()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    with translation.override("en"):
        from portal.accounts.adapter import AccountAdapter

        message = str(AccountAdapter.error_messages["too_many_login_attempts"])
    assert message.startswith("Too many")
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/"])
def test_wagtail_login_forms_lead_to_allauth(client, path):
    response = client.get(path + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/login/")
    assert "next=/admin/pages/" in response["Location"]


def test_admin_requires_login_via_allauth(client):
    response = client.get("/admin/")
    assert response["Location"].startswith("/de/accounts/login/")


def test_wagtail_password_management_is_off(client, people):
    client.force_login(people["admin"])
    assert client.get("/admin/password_reset/").status_code == 404
    assert client.get("/admin/account/").status_code == 200
    body = client.get("/admin/account/").content.decode()
    assert 'name="password' not in body


def test_admin_user_without_mfa_is_sent_to_set_it_up(client, people):
    editor = people["editor"]
    Authenticator.objects.filter(user=editor).delete()
    client.post(
        "/de/accounts/login/",
        {"login": editor.email, "password": PASSWORD},
    )
    for path in ["/admin/", "/de/", "/de/accounts/me/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/de/accounts/2fa/totp/activate/"
    # allauth asks for the password again before MFA can be set up; that page is reachable.
    response = client.get("/de/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/de/accounts/reauthenticate/")
    assert client.get(response["Location"]).status_code == 200
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/de/accounts/2fa/totp/activate/"
    assert client.get("/de/accounts/2fa/totp/activate/").status_code == 200
    assert client.get("/de/accounts/logout/").status_code == 200


def test_admin_user_with_mfa_reaches_admin(client, people):
    client.force_login(people["admin"])
    assert client.get("/admin/").status_code == 200


def test_resident_is_not_asked_for_mfa_and_cannot_reach_admin(client, people):
    client.force_login(people["resident"])
    assert client.get("/de/").status_code == 200
    # No loop between /admin/ and the login: a page that says why, and leads home.
    for path in ["/admin/", "/admin/pages/", "/admin/login/"]:
        response = client.get(path)
        assert response.status_code == 403, path
        body = response.content.decode()
        assert "keinen Zugang zur Redaktion" in body
        assert 'href="/de/"' in body
        assert 'href="/de/accounts/logout/"' in body


def test_login_of_mfa_user_asks_for_second_factor(client, people):
    response = client.post(
        "/de/accounts/login/",
        {"login": people["admin"].email, "password": PASSWORD},
    )
    assert response["Location"] == "/de/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


def test_password_reset_does_not_reveal_unknown_address(client):
    known = UserFactory()
    for email in [known.email, "unbekannt@example.org"]:
        response = client.post("/de/accounts/password/reset/", {"email": email})
        assert response.status_code == 302
        assert response["Location"] == "/de/accounts/password/reset/done/"


def test_deletion_request_service_records_once_and_tells_the_office():
    from portal.accounts.services import deletion_request_create

    OfficeSettingsFactory(email="buero@muehlbach-sued.example")
    user = UserFactory()
    _request, created = deletion_request_create(user=user, reason="Ich ziehe weg.")
    assert created
    _request, created = deletion_request_create(user=user, reason="nochmal")
    assert not created
    assert DeletionRequest.objects.filter(user=user).count() == 1
    assert mail.outbox[-1].to == ["buero@muehlbach-sued.example"]
    assert user.email in mail.outbox[-1].body


def test_deleting_the_account_closes_the_request(client):
    user = UserFactory()
    request = DeletionRequest.objects.create(user=user)
    user.delete()
    request.refresh_from_db()
    assert request.user is None
    assert request.completed_at is not None


def test_account_pages_need_login(client):
    for name in ["account_overview", "account_my_data", "account_request_deletion"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
