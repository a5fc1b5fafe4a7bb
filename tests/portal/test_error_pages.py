import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.utils import translation

from portal import views

from .factories import OfficeSettingsFactory

pytestmark = pytest.mark.django_db


def test_403_explains_login_and_access(client, rf):
    OfficeSettingsFactory(email="buero@muehlbach-sued.example")
    request = rf.get("/de/intern/")
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "de"
    response = views.permission_denied(request)
    body = response.content.decode()
    assert response.status_code == 403
    assert "/de/accounts/login/?next=/de/intern/" in body
    assert "mailto:buero@muehlbach-sued.example" in body


def test_csrf_failure_is_styled_and_translated():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert 'class="site-header"' in body
    with translation.override("en"):
        assert translation.gettext("Das Formular konnte nicht gesendet werden") in body


def test_400_for_bad_host_is_styled(client):
    response = client.get("/de/", HTTP_HOST="bad host!")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Diese Anfrage können wir nicht bearbeiten" in body


def test_500_renders_without_database(django_assert_num_queries):
    request = RequestFactory().get("/de/")
    with translation.override("ar"), django_assert_num_queries(0):
        response = views.server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert 'lang="ar" dir="rtl"' in body
