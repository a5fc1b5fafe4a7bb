"""The full-page cache for anonymous visitors (portal/pagecache.py)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal import pagecache

from .factories import (
    ContactPageFactory,
    ContentPageFactory,
    FieldOfActionFactory,
    OfficeSettingsFactory,
    UserFactory,
    paragraphs,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGECACHE_ENABLED=True):
        yield


def fetch(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, response.status_code
    return response


def test_anonymous_page_is_cached_and_public(client):
    page = ContentPageFactory(title="Spielplatz am Kanal", body=paragraphs("Neue Rutsche"))
    url = page.url
    first = fetch(client, url)
    assert first["X-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=300"
    second = fetch(client, url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert "Spielplatz am Kanal" in second.content.decode()
    # Headers of the page come back; the outer middleware adds its own again.
    assert second["Content-Language"] == "de"
    assert second["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]
    # A HEAD is answered from the cached GET, without a body.
    head = client.head(url)
    assert head["X-Cache"] == "hit" and head.content == b""


def test_a_hit_costs_at_most_one_query(client):
    url = ContentPageFactory(title="Sprechstunde").url
    fetch(client, url)
    with CaptureQueriesContext(connection) as ctx:
        assert fetch(client, url)["X-Cache"] == "hit"
    assert len(ctx.captured_queries) <= 1


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "quartier_cache",
        }
    }
)
def test_with_the_database_cache_a_hit_is_one_query(client):
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    url = ContentPageFactory(title="Mieterberatung").url
    fetch(client, url)
    with CaptureQueriesContext(connection) as ctx:
        assert fetch(client, url)["X-Cache"] == "hit"
    assert len(ctx.captured_queries) == 1


def test_logged_in_people_are_never_served_or_stored(client):
    url = ContentPageFactory(title="Nachbarschaftsfest").url
    fetch(client, url)  # anonymous copy in the cache
    user = UserFactory(email="erika.muster@example.org")
    client.force_login(user)
    response = fetch(client, url)
    assert response["X-Cache"] == "pass"
    assert "private" in response["Cache-Control"]
    assert "Abmelden" in response.content.decode()
    client.logout()
    # Logged out: the anonymous copy, with nothing of the person in it.
    anonymous = fetch(client, url)
    assert anonymous["X-Cache"] == "hit"
    text = anonymous.content.decode()
    assert "Anmelden" in text and "Abmelden" not in text and "erika" not in text


def test_personal_page_seen_first_never_reaches_anonymous_visitors(client):
    url = ContentPageFactory(title="Hoffest").url
    client.force_login(UserFactory(email="max.mustermann@example.org"))
    fetch(client, url)
    client.logout()
    response = fetch(client, url)
    assert response["X-Cache"] == "miss"
    assert "Abmelden" not in response.content.decode()


def test_a_page_with_a_form_is_not_cached(client):
    url = ContactPageFactory().url
    for _ in range(2):
        response = fetch(client, url)
        assert response["X-Cache"] == "pass"
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response["Cache-Control"] == "private, no-cache"


def test_a_restricted_page_is_not_cached(client):
    page = ContentPageFactory(title="Nur mit Passwort")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim1")
    response = client.get(page.url)
    assert response["X-Cache"] == "pass"
    assert client.get(page.url)["X-Cache"] == "pass"


def test_views_other_than_pages_are_not_cached(client):
    response = client.get("/de/suche/?q=Spielplatz")
    assert response["X-Cache"] == "pass"
    assert response["Cache-Control"] == "private, no-cache"
    assert client.get("/de/gibt-es-nicht/")["X-Cache"] == "pass"


def test_the_key_holds_host_path_and_language(client):
    page = ContentPageFactory(title="Stadtteilgarten")
    url = page.url
    assert fetch(client, url)["X-Cache"] == "miss"
    assert fetch(client, url, HTTP_HOST="andere.example.org")["X-Cache"] == "miss"
    assert fetch(client, url + "?seite=2")["X-Cache"] == "miss"
    assert fetch(client, url, HTTP_HX_REQUEST="true")["X-Cache"] == "miss"
    assert fetch(client, url)["X-Cache"] == "hit"
    english = fetch(client, "/en/")
    assert english["X-Cache"] == "miss" and english["Content-Language"] == "en"
    german = fetch(client, "/de/")
    assert german["X-Cache"] == "miss" and german["Content-Language"] == "de"
    assert fetch(client, "/en/")["Content-Language"] == "en"


def test_publishing_a_page_purges(client, django_capture_on_commit_callbacks):
    page = ContentPageFactory(title="Alter Titel")
    url = page.url
    fetch(client, url)
    fetch(client, "/de/")
    assert fetch(client, url)["X-Cache"] == "hit"
    page.title = "Neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = fetch(client, url)
    assert response["X-Cache"] == "miss"
    assert "Neuer Titel" in response.content.decode()
    assert fetch(client, "/de/")["X-Cache"] == "miss"


def test_unpublishing_a_page_purges(client, django_capture_on_commit_callbacks):
    page = ContentPageFactory(title="Bald weg")
    url = page.url
    fetch(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(url).status_code == 404


def test_a_draft_is_not_what_is_served(client, django_capture_on_commit_callbacks):
    page = ContentPageFactory(title="Veröffentlicht")
    url = page.url
    fetch(client, url)
    page.title = "Entwurf"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    text = fetch(client, url).content.decode()
    assert "Veröffentlicht" in text and "Entwurf" not in text


def test_saving_a_snippet_purges(client, django_capture_on_commit_callbacks):
    url = ContentPageFactory(title="Mit Handlungsfeld").url
    fetch(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        FieldOfActionFactory(name="Umwelt")
    assert fetch(client, url)["X-Cache"] == "miss"


def test_saving_the_office_settings_purges(client, django_capture_on_commit_callbacks):
    OfficeSettingsFactory(office_name="Büro Nord")
    url = ContentPageFactory(title="Über uns").url
    assert "Büro Nord" in fetch(client, url).content.decode()
    assert fetch(client, url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        OfficeSettingsFactory(office_name="Büro Süd")
    response = fetch(client, url)
    assert response["X-Cache"] == "miss"
    assert "Büro Süd" in response.content.decode()


def test_nothing_is_purged_before_the_commit(client, django_capture_on_commit_callbacks):
    page = ContentPageFactory(title="Vorher")
    url = page.url
    fetch(client, url)
    page.title = "Nachher"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    assert callbacks
    assert fetch(client, url)["X-Cache"] == "hit"


def test_messages_cookie_or_session_skips_the_cache(client):
    url = ContentPageFactory(title="Mit Nachricht").url
    fetch(client, url)
    client.cookies["messages"] = "x"
    assert fetch(client, url)["X-Cache"] == "pass"


@override_settings(PAGECACHE_ENABLED=False)
def test_disabled_cache_still_sends_cache_control(client):
    url = ContentPageFactory(title="Ohne Cache").url
    for _ in range(2):
        response = fetch(client, url)
        assert "X-Cache" not in response
        # Varnish may still keep it; the people logged in get theirs private.
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    client.force_login(UserFactory())
    assert fetch(client, url)["Cache-Control"] == "private, no-cache"


def test_a_redis_outage_is_a_miss(client):
    from tests.deploy.test_gunicorn import free_port

    caches = {
        "default": {
            "BACKEND": "core.cache.SafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    url = ContentPageFactory(title="Redis weg").url
    with override_settings(CACHES=caches):
        for _ in range(2):
            response = fetch(client, url)
            assert response["X-Cache"] == "miss"
            assert "Redis weg" in response.content.decode()


def test_purge_all_changes_the_generation():
    generation, _entry = pagecache.current_generation()
    assert pagecache.current_generation()[0] == generation
    pagecache.purge_all()
    assert pagecache.current_generation()[0] != generation


class RecordingBackend(pagecache.VarnishBackend):
    """Wagtail frontend-cache backend that records what it would send to Varnish."""

    sent = []

    def _send(self, method, url):
        self.sent.append((method, url))


RECORDING = {
    "varnish": {
        "BACKEND": "tests.portal.test_pagecache.RecordingBackend",
        "LOCATION": "http://varnish.invalid:6081",
    }
}


@pytest.fixture
def varnish_sent():
    RecordingBackend.sent = []
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        yield RecordingBackend.sent


def test_publishing_purges_page_parent_and_home_in_varnish(
    varnish_sent, django_capture_on_commit_callbacks
):
    page = ContentPageFactory(title="Kiezputz")
    page.title = "Großer Kiezputz"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    purged = {url for method, url in varnish_sent if method == "PURGE"}
    root = page.get_site().root_url
    assert f"{root}{page.url}" in purged
    assert f"{root}/de/" in purged  # parent and home
    # Every language copy (the aliases) is purged by its own publish signal.
    for alias in page.aliases.all():
        assert f"{root}{alias.url}" in purged
    assert not [url for method, url in varnish_sent if method == "BAN"]


def test_a_page_in_the_menu_bans_the_host(varnish_sent, django_capture_on_commit_callbacks):
    page = ContentPageFactory(title="Angebote", show_in_menus=True)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ("BAN", f"{page.get_site().root_url}/") in varnish_sent


def test_a_snippet_or_setting_bans_every_site(varnish_sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        FieldOfActionFactory(name="Verkehr")
    assert varnish_sent and {method for method, _url in varnish_sent} == {"BAN"}
    varnish_sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        OfficeSettingsFactory(office_name="Büro West")
    assert {method for method, _url in varnish_sent} == {"BAN"}


def test_a_varnish_that_does_not_answer_is_logged_not_raised(caplog):
    from tests.deploy.test_gunicorn import free_port

    backend = pagecache.VarnishBackend({"LOCATION": f"http://127.0.0.1:{free_port()}"})
    backend.purge("http://localhost/de/")
    backend.ban("http://localhost/")
    assert "Varnish unreachable" in caplog.text
