import pytest
from django.conf import settings
from django.core.management import call_command

from portal.demo.build import build_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo neighbourhood, built once; each test runs in a transaction on top of it."""
    call_command("compile_translations", verbosity=0)
    with django_db_blocker.unblock():
        build_demo()


@pytest.fixture
def demo(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {
        "admin": User.objects.get(username="admin"),
        "editor": User.objects.get(username="editor"),
        "resident": User.objects.get(username="resident"),
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache: every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"Quartier tests on database engine: {engine}"
