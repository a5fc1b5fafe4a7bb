"""/healthz (alive, no database) and /readyz (database, cache, storage; 503 naming what failed)."""

import json
import re

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from core import health


class BrokenCache(LocMemCache):
    """A cache whose server is gone: reading and writing raise (closing does not)."""

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")

    get = set = add = delete = incr = get_many = set_many = _fail


BROKEN_CACHE = {"default": {"BACKEND": "tests.core.test_health.BrokenCache"}}


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers


def test_healthz_answers_even_without_any_database(client):
    # No django_db mark: any query would raise "Database access not allowed".
    response = client.get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_reports_every_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
        "failed": [],
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_naming_the_cache_when_the_cache_backend_raises(client, caplog):
    # override_settings makes Django forget its cache connections (setting_changed).
    with override_settings(CACHES=BROKEN_CACHE):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable"
    assert body["failed"] == ["cache"]
    assert body["checks"] == {"database": "ok", "cache": "failed", "storage": "ok"}
    # The reason goes to the log (with the request id), not to whoever asked.
    assert "unreachable" not in response.content.decode()
    record = next(r for r in caplog.records if r.name == "core.health")
    assert "cache" in record.getMessage()
    assert record.exc_info is not None


@pytest.mark.django_db
def test_readyz_names_the_database_and_the_storage_when_they_fail(client, monkeypatch):
    def fail():
        raise OSError("gone")

    monkeypatch.setitem(health.CHECKS, "database", fail)
    monkeypatch.setattr(
        "core.health.default_storage.exists", lambda name: (_ for _ in ()).throw(OSError())
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database", "storage"]


@pytest.mark.django_db
def test_readyz_asks_the_storage_for_the_probe_name(client, monkeypatch):
    asked = []
    monkeypatch.setattr("core.health.default_storage.exists", lambda name: asked.append(name))
    assert client.get("/readyz").status_code == 200
    assert asked == [health.STORAGE_PROBE_NAME]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_stay_outside_the_language_prefixes(client, path):
    # No redirect to /en/healthz for an English browser, and a mistyped path stays a 404.
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert client.get(f"{path}/", HTTP_ACCEPT_LANGUAGE="en").status_code == 404
    assert client.post(path).status_code == 405  # no CSRF token needed to be refused cleanly


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$", r"^readyz$"])
def test_health_checks_answer_over_plain_http_when_https_is_enforced(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/de/").status_code == 301


def test_production_exempts_the_health_checks_from_the_https_redirect(production_settings):
    exempt = production_settings.SECURE_REDIRECT_EXEMPT
    assert any(re.search(pattern, "healthz") for pattern in exempt)
    assert any(re.search(pattern, "readyz") for pattern in exempt)
    assert not any(re.search(pattern, "de/") for pattern in exempt)


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["quartier.example"])
def test_health_checks_answer_probes_with_any_host_and_without_a_session(client):
    # An orchestrator probes the pod's address; no cookie is set or read.
    response = client.get("/readyz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert client.get("/de/", HTTP_HOST="10.1.2.3:8000").status_code == 400


@pytest.mark.django_db
def test_a_logged_in_person_without_second_factor_still_gets_the_health_check(client):
    # The admin-MFA middleware would send this admin to the MFA set-up; probes are answered first.
    from tests.portal.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
