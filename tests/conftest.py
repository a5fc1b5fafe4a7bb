import io

import pytest
from django.conf import settings
from django.core.management import call_command

pytest_plugins = ["tests.s3server"]


def pytest_sessionstart(session):
    """Compiled catalogues before any test runs; with pytest-xdist once, in the controller,
    before its workers start (two workers writing the same .mo file would race)."""
    if not hasattr(session.config, "workerinput"):
        call_command("compile_translations", verbosity=0, stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_modify_db_settings,
):
    """A test database with an empty site (locales, German home page, synchronised
    language trees), made once for the session; each test builds its own data with the
    factories in tests/<app>/factories.py. The demo neighbourhood is tested on its own
    (tests/demo/).

    Replaces pytest-django's fixture, which creates databases only for tests that
    ask for one; the browser journeys use the database through a live server
    without asking, and must never fall through to the development database. With
    pytest-xdist each worker gets a database of its own (test_…_gw0, test_…_gw1, made by
    `django_db_modify_db_settings`).
    """
    from django.test.utils import setup_databases, teardown_databases

    from portal.setup import ensure_site

    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases={"default"},
            keepdb=django_db_keepdb,
        )
        ensure_site()
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            end_other_sessions()
            teardown_databases(config, verbosity=request.config.option.verbose)


def end_other_sessions():
    """Live-server request threads may keep database sessions open after the server stops;
    PostgreSQL will not drop the test database while any exist."""
    from django.db import connection, connections

    name = connection.settings_dict["NAME"]
    connections.close_all()
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                [name],
            )


@pytest.fixture
def people(db):
    """An administrator and an editor (group "Redaktion"), both with a second factor as
    everyone who reaches the admin must have, and a resident."""
    from django.contrib.auth.models import Group

    from portal.editorial import EDITORS
    from tests.portal.factories import UserFactory, with_mfa

    editor = with_mfa(UserFactory(is_staff=False))
    editor.groups.add(Group.objects.get(name=EDITORS))
    return {
        "admin": with_mfa(UserFactory(is_superuser=True, is_staff=True)),
        "editor": editor,
        "resident": UserFactory(),
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache: every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _source_language():
    """Each test starts in German. A request through the test client leaves its language
    active on the thread (as in a server, where the next request sets its own)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"Quartier tests on database engine: {engine}"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser journeys last: they commit to the shared test database (see tests/e2e)."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture
def production_settings(monkeypatch):
    """The module portal.settings.production as it reads a production environment (for
    checking its values; the running tests keep their own settings)."""
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", "p" * 60)
    for name in ("LOG_FORMAT", "SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
        monkeypatch.delenv(name, raising=False)
    names = ("portal.settings.base", "portal.settings.production")
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    try:
        yield importlib.import_module("portal.settings.production")
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`manage.py collectstatic` from the checkout with the production settings (hashed,
    compressed, with a manifest) into a folder of the session: run once, read by the test of
    the command (tests/portal/test_settings.py) and served by every server the deploy tests
    start (gunicorn, nginx, Varnish, metrics), none of which changes it. Returns the folder
    and the finished process."""
    import os
    import subprocess
    import sys
    from types import SimpleNamespace

    folder = tmp_path_factory.mktemp("static")
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-production-like-secret-key-with-more-than-fifty-characters-0123456789",
        ALLOWED_HOSTS="quartier.example",
        SITE_URL="https://quartier.example",
        TRUSTED_PROXIES="127.0.0.1",
        STATIC_ROOT=str(folder),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return SimpleNamespace(root=folder, result=result)


@pytest.fixture(scope="session")
def static_root(collected_static):
    """The folder of `collected_static`; the deploy tests cannot run without it."""
    result = collected_static.result
    assert result.returncode == 0, result.stderr
    return collected_static.root
